import type { Db } from '$lib/db/types';
import { sqlText } from './sql';

/** One row of sql/queries/mission/mission_list.sql. Times: epoch ms; durations: s. */
export interface MissionListRow {
	mission_id: string;
	name: string | null;
	source: string | null;
	scenario: string | null;
	started_at: number;
	duration_s: number | null;
	rssi_samples: number;
	detections: number;
	max_rssi_dbm: number | null;
	beacon_power_dbm: number | null;
}

/** Every loaded mission, newest first (library list). */
export function missionList(db: Db): Promise<MissionListRow[]> {
	return db.query<MissionListRow>(sqlText('queries/mission/mission_list'));
}
