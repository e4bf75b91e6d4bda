/** Typed wrapper of sql/queries/mission-kpi/state_transition_counts.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface StateTransitionCountRow {
	mission_id: string;
	/** NULL for the Pi's start-up record. */
	from_state: string | null;
	to_state: string;
	transitions: number;
	forced: number;
	/** Allowed by the Pi's state machine; NULL for the start-up record. */
	allowed: boolean | null;
	first_s: number;
}

/** How often each from → to pair occurred per mission, with the allowed flag. */
export function stateTransitionCounts(
	db: Db,
	missionId: string | null
): Promise<StateTransitionCountRow[]> {
	return db.query<StateTransitionCountRow>(sqlText('queries/mission-kpi/state_transition_counts'), [
		missionId
	]);
}
