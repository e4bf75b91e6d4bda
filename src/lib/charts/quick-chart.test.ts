import { describe, expect, it } from 'vitest';
import { defaultSpec, quickChartOptions, thin } from './quick-chart';

describe('quick chart', () => {
	it('thins a million rows to at most 5001 points, keeping first and last', () => {
		const rows = Array.from({ length: 1_000_000 }, (_, i) => ({ i }));
		const t = thin(rows);
		expect(t.length).toBeLessThanOrEqual(5001);
		expect(t[0]).toBe(rows[0]);
		expect(t[t.length - 1]).toBe(rows[rows.length - 1]);
	});
	it('picks x = first column and a numeric y', () => {
		expect(defaultSpec(['state', 'n'], { state: 'HOMING', n: 3 })).toEqual({
			x: 'state',
			y: 'n',
			mark: 'bar'
		});
		expect(defaultSpec(['t_rel_s', 'snr_db'], { t_rel_s: 1, snr_db: 2 })?.mark).toBe('line');
		expect(defaultSpec(['a'], { a: 'x' })).toBeNull();
	});
	it('builds one data mark sized as asked', () => {
		const o = quickChartOptions(
			[{ a: 1, b: 2 }],
			{ x: 'a', y: 'b', mark: 'dot' },
			{
				width: 300,
				height: 200
			}
		);
		expect(o.width).toBe(300);
		expect(o.marks).toHaveLength(2);
	});
});
