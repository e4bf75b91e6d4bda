import { describe, expect, it } from 'vitest';
import { addCounts, emptyTally, summaryText, totalRows } from './import-summary';

const row = (mission_id: string, table_name: string, n_rows: number, t0 = 0, t1 = 0) => ({
	mission_id,
	table_name,
	n_rows,
	t0_ms: t0 || null,
	t1_ms: t1 || null
});

describe('import summary', () => {
	it('says the rows per table, the tables with none, and the time span', () => {
		const t0 = Date.UTC(2025, 7, 21, 1, 30);
		const counts = [
			row('a', 'state_transition', 2000, t0, t0 + 60_000),
			row('b', 'state_transition', 702, t0 + 3_600_000, t0 + 7_200_000),
			row('old', 'rssi_sample', 5)
		];
		const t = addCounts(emptyTally(), counts, ['a', 'b']);
		expect(totalRows(t)).toBe(2702);
		expect(summaryText(t)).toBe(
			'Imported 2 missions: 2,702 state transitions; no RSSI samples, no telemetry rows, no detections. ' +
				'From 2025-08-21 01:30:00Z to 2025-08-21 03:30:00Z.'
		);
	});
	it('adds chunks up and says what was skipped', () => {
		let t = addCounts(emptyTally(), [row('a', 'rssi_sample', 10), row('a', 'detection', 1)], ['a']);
		t = addCounts(t, [row('b', 'rssi_sample', 1), row('b', 'vehicle_telemetry', 3)], ['b']);
		t = { ...t, already: 1, notData: 2, failed: 1 };
		expect(summaryText(t)).toBe(
			'Imported 2 missions: 11 RSSI samples, 3 telemetry rows, 1 detection. Skipped: 1 mission already in the library; 2 files that are not mission data; 1 folder or file that could not be read (named above).'
		);
	});
	it('says when nothing new came in', () => {
		expect(summaryText({ ...emptyTally(), already: 3 })).toBe(
			'No new missions were imported. Skipped: 3 missions already in the library.'
		);
	});
});
