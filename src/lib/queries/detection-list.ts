/** Typed wrapper of sql/queries/mission/detection_list.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface DetectionListRow {
	detection_id: number | null;
	t: number;
	t_rel_s: number;
	rssi_dbm: number | null;
	snr_db: number | null;
	confidence_pct: number | null;
	lat_deg: number | null;
	lon_deg: number | null;
	system_state: string | null;
}

/** Every detection of a mission, in time order. */
export function detectionList(db: Db, missionId: string): Promise<DetectionListRow[]> {
	return db.query<DetectionListRow>(sqlText('queries/mission/detection_list'), [missionId]);
}
