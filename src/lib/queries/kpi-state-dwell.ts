/** Typed wrapper of sql/queries/mission-kpi/state_dwell.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface StateDwellRow {
	mission_id: string;
	state: string;
	dwell_s: number;
	visits: number;
	/** Share of the mission's timeline, %. */
	share_pct: number | null;
	mean_visit_s: number;
	max_visit_s: number;
}

/** Total dwell, visits and share per mission and flight state. */
export function stateDwell(db: Db, missionId: string | null): Promise<StateDwellRow[]> {
	return db.query<StateDwellRow>(sqlText('queries/mission-kpi/state_dwell'), [missionId]);
}
