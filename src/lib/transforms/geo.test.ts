import { describe, expect, it } from 'vitest';
import { bearingDeg, distanceM } from './geo';

describe('distanceM', () => {
	it('is about 111 km per degree of latitude', () => {
		expect(distanceM(0, 0, 1, 0)).toBeCloseTo(111_195, -2);
	});
});

describe('bearingDeg', () => {
	const lat = -35.363261;
	const lon = 149.16523;
	const dLat = 100 / 111_195;
	const dLon = 100 / (111_195 * Math.cos((lat * Math.PI) / 180));
	it('gives the four compass points 100 m away', () => {
		expect(bearingDeg(lat, lon, lat + dLat, lon)).toBeCloseTo(0, 3);
		expect(bearingDeg(lat, lon, lat, lon + dLon)).toBeCloseTo(90, 1);
		expect(bearingDeg(lat, lon, lat - dLat, lon)).toBeCloseTo(180, 3);
		expect(bearingDeg(lat, lon, lat, lon - dLon)).toBeCloseTo(270, 1);
	});
	it('wraps west of north to just under 360°, not a negative angle', () => {
		const b = bearingDeg(lat, lon, lat + dLat, lon - dLon / 100);
		expect(b).toBeGreaterThan(359);
		expect(b).toBeLessThan(360);
		expect(b).toBeCloseTo(360 - (Math.atan(1 / 100) * 180) / Math.PI, 2);
	});
});
