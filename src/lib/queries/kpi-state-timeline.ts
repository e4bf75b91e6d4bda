/** Typed wrapper of sql/queries/mission-kpi/state_timeline.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface StateTimelineRow {
	mission_id: string;
	/** 0-based order of the interval within its mission. */
	visit: number;
	state: string;
	from_state: string | null;
	next_state: string | null;
	/** Epoch ms (NULL-free: the inferred first interval starts at mission start). */
	start_t: number;
	start_s: number;
	end_s: number;
	duration_s: number;
	reason: string | null;
	forced: boolean;
	/** The entering transition is allowed by the Pi's state machine; NULL for start-up/inferred. */
	allowed: boolean | null;
	/** State before the first recorded transition, inferred from its from_state. */
	inferred: boolean;
	homing_enabled: boolean | null;
}

/** Intervals per flight state with the allowed/forced flags of their entering transitions. */
export function stateTimeline(db: Db, missionId: string | null): Promise<StateTimelineRow[]> {
	return db.query<StateTimelineRow>(sqlText('queries/mission-kpi/state_timeline'), [missionId]);
}
