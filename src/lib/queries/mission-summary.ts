import type { Db } from '$lib/db/types';
import { sqlText } from './sql';

/** The row of sql/queries/mission/mission_summary.sql. Times: epoch ms; durations: s. */
export interface MissionSummaryRow {
	mission_id: string;
	name: string | null;
	source: string | null;
	scenario: string | null;
	started_at: number;
	duration_s: number | null;
	rssi_samples: number;
	telemetry_samples: number;
	states_visited: string[];
	max_rssi_dbm: number | null;
	noise_floor_p10_dbm: number | null;
	detections: number;
	first_detection_s: number | null;
	beacon_lat_deg: number | null;
	beacon_lon_deg: number | null;
}

/** Headline numbers of one mission, or null when it is not loaded. */
export async function missionSummary(db: Db, missionId: string): Promise<MissionSummaryRow | null> {
	const rows = await db.query<MissionSummaryRow>(sqlText('queries/mission/mission_summary'), [
		missionId
	]);
	return rows[0] ?? null;
}
