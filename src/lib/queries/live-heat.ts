/** Typed wrapper of sql/queries/live/live_heat.sql (RSSI ASOF-joined to positions, gridded). */
import type { Db } from '$lib/db/types';
import { sqlText } from './sql';

export interface LiveHeatRow {
	lat_deg: number;
	lon_deg: number;
	n: number;
	rssi_max_dbm: number | null;
	rssi_mean_dbm: number | null;
	snr_max_db: number | null;
}

/** Heat cells of a live mission, weakest first (so the strongest draw on top). */
export function liveHeat(db: Db, missionId: string, cellM = 20): Promise<LiveHeatRow[]> {
	return db.query<LiveHeatRow>(sqlText('queries/live/live_heat'), [missionId, cellM]);
}
