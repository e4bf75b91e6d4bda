import { describe, expect, it } from 'vitest';
import { crossfilter, dwellHours, passRates, type FleetFact } from './fleet';

const day = 86_400_000;
const rows: FleetFact[] = [
	{
		mission_id: 'a',
		started_at: 0,
		time_to_detection_s: 120,
		detection_range_m: 300,
		fr1_pass: false
	},
	{
		mission_id: 'b',
		started_at: day,
		time_to_detection_s: 600,
		detection_range_m: 700,
		fr1_pass: true
	},
	{ mission_id: 'c', started_at: 2 * day, time_to_detection_s: null, detection_range_m: null },
	{
		mission_id: 'd',
		started_at: 3 * day,
		time_to_detection_s: 900,
		detection_range_m: 550,
		fr1_pass: true
	}
];
const ids = (xs: FleetFact[]) => xs.map((r) => r.mission_id);

describe('crossfilter', () => {
	it('keeps every mission without brushes', () => {
		expect(ids(crossfilter(rows, {}))).toEqual(['a', 'b', 'c', 'd']);
	});
	it('keeps the missions inside every brush; a mission without the value is outside', () => {
		expect(ids(crossfilter(rows, { ttd: [5, 20] }))).toEqual(['b', 'd']);
		expect(ids(crossfilter(rows, { ttd: [5, 20], started: [0, 2 * day] }))).toEqual(['b']);
	});
	it("ignores a chart's own brush for that chart", () => {
		expect(ids(crossfilter(rows, { ttd: [5, 20], range: [0, 400] }, 'ttd'))).toEqual(['a']);
	});
});

describe('passRates', () => {
	it('counts pass, fail and unjudged per requirement', () => {
		const fr1 = passRates(rows)[0];
		expect(fr1).toEqual({
			requirement: 'FR1 range',
			pass: 2,
			fail: 1,
			unjudged: 1,
			pass_pct: 200 / 3
		});
		expect(passRates([])[0]?.pass_pct).toBeNull();
	});
});

describe('dwellHours', () => {
	it('sums the dwell of the chosen missions per state, largest first', () => {
		const dwell = [
			{ mission_id: 'a', state: 'SEARCHING', dwell_s: 3600 },
			{ mission_id: 'a', state: 'HOMING', dwell_s: 1800 },
			{ mission_id: 'b', state: 'HOMING', dwell_s: 3600 },
			{ mission_id: 'c', state: 'IDLE', dwell_s: 7200 }
		];
		expect(dwellHours(dwell, new Set(['a', 'b']))).toEqual([
			{ state: 'HOMING', hours: 1.5 },
			{ state: 'SEARCHING', hours: 1 }
		]);
	});
});
