/** Typed wrapper of sql/queries/spatial/coverage.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface CoverageRow {
	mission_id: string;
	visited_cells: number;
	covered_cells: number;
	covered_km2: number;
	search_area_km2: number | null;
	covered_pct: number | null;
	flight_h: number;
	km2_per_h: number | null;
}

/** Area within `rangeM` (default 150) of the flown track, on a `cellM` grid (default 25). */
export function coverage(
	db: Db,
	missionId: string | null,
	cellM = 25,
	rangeM = 150
): Promise<CoverageRow[]> {
	return db.query<CoverageRow>(sqlText('queries/spatial/coverage'), [missionId, cellM, rangeM]);
}
