import { describe, expect, test } from 'vitest';
import { gapBands, stripRows, thin } from './live-strip';

const pt = (t: number) => ({ t, rssi_dbm: -90, noise_floor_dbm: -100, snr_db: 10 });

describe('live strip builders', () => {
	test('x is seconds before the newest sample; a jump over 1.5 s gets a line break', () => {
		const rows = stripRows({ points: [pt(0), pt(100), pt(5000)], gaps: [], end: 5000 });
		expect(rows.map((r) => r.x)).toEqual([-5, -4.9, -2.45, 0]);
		expect(Number.isNaN(rows[2]?.rssi_dbm)).toBe(true);
	});

	test('gaps are clipped to the 60 s window, an open gap runs to the end', () => {
		const end = 100_000;
		expect(
			gapBands({
				points: [],
				gaps: [
					{ from: 0, to: 50_000 },
					{ from: 90_000, to: null }
				],
				end
			})
		).toEqual([
			{ x1: -60, x2: -50 },
			{ x1: -10, x2: 0 }
		]);
	});

	test('thinning keeps the last point and at most ~max points', () => {
		const xs = Array.from({ length: 6000 }, (_, i) => i);
		const t = thin(xs, 1200);
		expect(t.length).toBeLessThanOrEqual(1201);
		expect(t.at(-1)).toBe(5999);
	});
});
