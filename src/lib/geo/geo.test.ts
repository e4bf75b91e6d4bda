import { describe, expect, it } from 'vitest';
import {
	SITE,
	angleDiffDeg,
	bearingDeg,
	distanceM,
	localBearingDeg,
	localDistanceM,
	toLatLon,
	toLocal
} from '.';

const at = (lat_deg: number, lon_deg: number) => ({ lat_deg, lon_deg });

describe('distanceM', () => {
	it('is about 111 km per degree of latitude', () => {
		expect(distanceM(at(0, 0), at(1, 0))).toBeCloseTo(111_195, -2);
	});
	it('agrees with the local plane at mission scale', () => {
		const b = toLatLon({ north_m: 300, east_m: -400 });
		expect(distanceM(SITE, b)).toBeCloseTo(500, 0);
		expect(localDistanceM(toLocal(SITE), toLocal(b))).toBeCloseTo(500, 6);
	});
});

describe('bearingDeg', () => {
	const lat = -35.363261;
	const lon = 149.16523;
	const dLat = 100 / 111_195;
	const dLon = 100 / (111_195 * Math.cos((lat * Math.PI) / 180));
	const o = at(lat, lon);
	it('gives the four compass points 100 m away', () => {
		expect(bearingDeg(o, at(lat + dLat, lon))).toBeCloseTo(0, 3);
		expect(bearingDeg(o, at(lat, lon + dLon))).toBeCloseTo(90, 1);
		expect(bearingDeg(o, at(lat - dLat, lon))).toBeCloseTo(180, 3);
		expect(bearingDeg(o, at(lat, lon - dLon))).toBeCloseTo(270, 1);
	});
	it('wraps west of north to just under 360°, not a negative angle', () => {
		const b = bearingDeg(o, at(lat + dLat, lon - dLon / 100));
		expect(b).toBeGreaterThan(359);
		expect(b).toBeLessThan(360);
		expect(b).toBeCloseTo(360 - (Math.atan(1 / 100) * 180) / Math.PI, 2);
	});
});

describe('local plane', () => {
	it('toLatLon inverts toLocal', () => {
		const p = toLatLon(toLocal(at(-35.36, 149.17)));
		expect(p.lat_deg).toBeCloseTo(-35.36, 9);
		expect(p.lon_deg).toBeCloseTo(149.17, 9);
	});
	it('localBearingDeg wraps to [0, 360)', () => {
		const o = { north_m: 0, east_m: 0 };
		expect(localBearingDeg(o, { north_m: 1, east_m: -0.01 })).toBeGreaterThan(359);
		expect(localBearingDeg(o, { north_m: 0, east_m: -1 })).toBeCloseTo(270, 9);
	});
	it('angleDiffDeg takes the short way round', () => {
		expect(angleDiffDeg(10, 350)).toBe(20);
		expect(angleDiffDeg(350, 10)).toBe(-20);
		expect(angleDiffDeg(0, 180)).toBe(180);
	});
});
