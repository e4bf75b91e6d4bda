/** Typed wrapper of sql/queries/mission/search_pattern.sql. */
import type { Db } from '$lib/db/types';
import { sqlText } from './sql';

export interface PatternWaypoint {
	idx: number;
	lat_deg: number | null;
	lon_deg: number | null;
	reached_s: number | null;
}

export interface SearchPatternRow {
	pattern_type: string | null;
	spacing_m: number | null;
	velocity_mps: number | null;
	altitude_m: number | null;
	boundary_geojson: string | null;
	waypoints: PatternWaypoint[];
}

/** The mission's search pattern with its waypoints, or null when it has none. */
export async function searchPattern(db: Db, missionId: string): Promise<SearchPatternRow | null> {
	const rows = await db.query<SearchPatternRow>(sqlText('queries/mission/search_pattern'), [
		missionId
	]);
	return rows[0] ?? null;
}
