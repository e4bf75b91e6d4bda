import type { Db } from '$lib/db/types';
import { sqlText } from './sql';

/** One row of sql/queries/mission/track.sql. */
export interface TrackRow {
	t_rel_s: number;
	lat_deg: number;
	lon_deg: number;
	alt_rel_m: number | null;
	system_state: string | null;
	rssi_dbm: number | null;
	snr_db: number | null;
	heading_deg: number | null;
	groundspeed_mps: number | null;
}

/** The flight path of one mission, evenly decimated to at most `maxPoints` rows. */
export function track(db: Db, missionId: string, maxPoints: number): Promise<TrackRow[]> {
	return db.query<TrackRow>(sqlText('queries/mission/track'), [missionId, positiveInt(maxPoints)]);
}

/** Bound as an integer >= 1: the SQL divides by it. */
export function positiveInt(n: number): number {
	return Number.isFinite(n) ? Math.max(1, Math.floor(n)) : 1;
}
