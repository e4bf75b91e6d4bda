import { describe, expect, it } from 'vitest';
import { bearingArrow, heatPoints, trailLine } from './live-features';

const P = { lat_deg: -35.363261, lon_deg: 149.16523 };

describe('live features', () => {
	it('the trail is one line through the last fixes, none under two', () => {
		expect(trailLine([P]).features).toHaveLength(0);
		const fixes = [0, 1, 2, 3].map((i) => ({ ...P, lat_deg: P.lat_deg + i * 1e-4 }));
		const [line] = trailLine(fixes, 3).features;
		expect(line?.geometry.coordinates).toHaveLength(3);
		expect(line?.geometry.coordinates[0]).toEqual([P.lon_deg, P.lat_deg + 1e-4]);
	});

	it('the arrow points along the bearing (east: same latitude, larger longitude)', () => {
		const [a] = bearingArrow(P, 90, 60).features;
		const [, tip] = a?.geometry.coordinates ?? [];
		expect(tip?.[1]).toBeCloseTo(P.lat_deg, 9);
		expect((tip?.[0] ?? 0) - P.lon_deg).toBeGreaterThan(0);
		expect(bearingArrow(P, null).features).toHaveLength(0);
		expect(bearingArrow(null, 90).features).toHaveLength(0);
	});

	it('heat cells become points carrying rssi_dbm', () => {
		const fc = heatPoints([{ ...P, rssi_max_dbm: -70 }]);
		expect(fc.features[0]?.properties).toEqual({ rssi_dbm: -70 });
	});
});
