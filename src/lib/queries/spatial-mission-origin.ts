/** Typed wrapper of sql/queries/spatial/mission_origin.sql. */
import type { Db } from '$lib/db/types';
import { sqlText } from './sql';

export interface MissionOriginRow {
	lat_deg: number | null;
	lon_deg: number | null;
}

/** The mission's local origin, or null when it has none. */
export async function missionOrigin(
	db: Db,
	missionId: string
): Promise<{ lat_deg: number; lon_deg: number } | null> {
	const [r] = await db.query<MissionOriginRow>(sqlText('queries/spatial/mission_origin'), [
		missionId
	]);
	return r?.lat_deg != null && r.lon_deg != null
		? { lat_deg: r.lat_deg, lon_deg: r.lon_deg }
		: null;
}
