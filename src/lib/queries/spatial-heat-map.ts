/** Typed wrapper of sql/queries/spatial/heat_map.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface HeatMapRow {
	mission_id: string;
	cell_i: number;
	cell_j: number;
	n: number;
	rssi_p10_dbm: number;
	rssi_p50_dbm: number;
	rssi_p90_dbm: number;
	rssi_max_dbm: number;
	snr_p50_db: number | null;
	snr_max_db: number | null;
	north_m: number;
	east_m: number;
	lat_deg: number | null;
	lon_deg: number | null;
	lat0_deg: number | null;
	lon0_deg: number | null;
	lat1_deg: number | null;
	lon1_deg: number | null;
}

/** RSSI/SNR statistics per grid cell of `cellM` metres (default 25); missionId null = all. */
export function heatMap(db: Db, missionId: string | null, cellM = 25): Promise<HeatMapRow[]> {
	return db.query<HeatMapRow>(sqlText('queries/spatial/heat_map'), [missionId, cellM]);
}
