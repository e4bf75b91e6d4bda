import { describe, expect, test } from 'vitest';
import { parsePatternPreview, patternRows, patternView } from './pattern';

const preview = {
	pattern_id: 'p1',
	pattern_type: 'expanding_square',
	waypoints: [
		{ index: 0, lat: -35.363261, lon: 149.16523, alt: 50 },
		{ index: 1, lat: -35.362361, lon: 149.16523, alt: 50 },
		{ index: 2, lat: 'x', lon: 149.1 },
		null,
		{ index: 3, lat: 95, lon: 149.1 }
	],
	boundary: {
		type: 'Polygon',
		coordinates: [
			[
				[149.1, -35.3],
				[149.2, -35.3],
				[149.2, -35.4],
				[149.1, -35.3]
			]
		]
	}
};

describe('Pi search pattern', () => {
	test('keeps the usable waypoints and the boundary; none usable → null', () => {
		const p = parsePatternPreview(preview);
		expect(p?.waypoints.map((w) => w.idx)).toEqual([0, 1]);
		expect(p?.patternType).toBe('expanding_square');
		expect(JSON.parse(p?.boundaryGeojson ?? 'null').type).toBe('Polygon');
		expect(parsePatternPreview({ waypoints: [] })).toBeNull();
		expect(parsePatternPreview('nonsense')).toBeNull();
	});

	test('contract rows with north/east from the live origin', () => {
		const p = parsePatternPreview(preview);
		if (!p) throw new Error('no pattern');
		const rows = patternRows('live-x', p, { lat_deg: -35.363261, lon_deg: 149.16523 });
		expect(rows.search_pattern[0]).toMatchObject({ pattern_id: 'p1', altitude_m: 50 });
		expect(rows.waypoint[1]?.north_m).toBeCloseTo(100.1, 0);
		expect(rows.waypoint[1]?.east_m).toBeCloseTo(0, 6);
		expect(patternRows('live-x', p, null).waypoint[0]?.north_m).toBeNull();
		expect(patternView(p)?.waypoints).toHaveLength(2);
	});
});
