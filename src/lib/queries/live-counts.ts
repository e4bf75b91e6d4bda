/** Typed wrapper of sql/queries/live/live_counts.sql. */
import type { Db } from '$lib/db/types';
import { sqlText } from './sql';

export interface LiveCountsRow {
	rssi_samples: number;
	telemetry_samples: number;
	state_transitions: number;
	detections: number;
	homing_steps: number;
	link_gaps: number;
	gap_s: number;
	max_rssi_dbm: number | null;
	last_t_rel_s: number | null;
}

/** How much of a live mission is recorded in DuckDB. */
export async function liveCounts(db: Db, missionId: string): Promise<LiveCountsRow | null> {
	const rows = await db.query<LiveCountsRow>(sqlText('queries/live/live_counts'), [missionId]);
	return rows[0] ?? null;
}
