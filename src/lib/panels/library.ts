/**
 * The library's panels: the requirement KPIs of every loaded mission in one SQL pass (without the
 * per-mission spatial fits, so it stays fast at 100+ flight hours), as a lookup by mission id, and
 * the dwell per mission and flight state for the fleet view. These are the fleet crossfilter's
 * pre-aggregates: brushing then filters them in JS (see `$lib/transforms/fleet`).
 */
import { FIRST, THEN, panel } from '$lib/coordinator';
import type { Db } from '$lib/db/types';
import { missionKpiSql, type MissionKpiSqlRow } from '$lib/queries/kpi-mission-kpis';
import { stateDwell } from '$lib/queries/kpi-state-dwell';

/** The library is asked again whenever the set of loaded missions changes. */
export interface LibraryCtx {
	version: number;
}

export const libraryPanels = {
	library: panel({
		query: async (db: Db, _c: LibraryCtx) => {
			const rows = await missionKpiSql(db, null);
			// A lookup built once per answer and replaced whole (panel data is $state.raw).
			return new Map<string, MissionKpiSqlRow>(rows.map((r) => [r.mission_id, r]));
		},
		priority: FIRST
	}),
	dwell: panel({ query: (db: Db, _c: LibraryCtx) => stateDwell(db, null), priority: THEN })
};
