/**
 * The live page's SQL panels over the rows recorded so far (the ring-buffer panels are JS, see
 * `$lib/live/stats`): counters after each Arrow batch, the heat map every 2 s and the review's
 * beacon fit every 5 s, refit only when rows were written since the last one (a quiet or dropped
 * link adds none). All are view aids: an error keeps the last answer and the next refresh retries.
 */
import { FIRST, LAST, THEN, panel } from '$lib/coordinator';
import type { Db } from '$lib/db/types';
import { liveCounts } from '$lib/queries/live-counts';
import { liveHeat } from '$lib/queries/live-heat';
import { beaconEstimate, type BeaconEstimateRow } from '$lib/queries/spatial-beacon-estimate';

export interface LiveCtx {
	missionId: string;
	/** Rows the recorder has written so far (the session's counter). */
	written: number;
}

const HEAT_MS = 2000;
const FIT_MS = 5000;

/** The fit, or null until it has a position (about 0.1 s of the engine per hour of flight). */
async function fit(db: Db, c: LiveCtx): Promise<BeaconEstimateRow | null> {
	const [row] = await beaconEstimate(db, c.missionId);
	return row?.est_lat_deg != null ? row : null;
}

export const livePanels = {
	counts: panel({
		query: (db: Db, c: LiveCtx) => liveCounts(db, c.missionId),
		priority: FIRST,
		quiet: true
	}),
	heat: panel({
		query: (db: Db, c: LiveCtx) => liveHeat(db, c.missionId, 20),
		priority: THEN,
		every: HEAT_MS,
		quiet: true
	}),
	fit: panel({
		query: fit,
		priority: LAST,
		every: FIT_MS,
		key: (c: LiveCtx) => `${c.missionId}:${c.written}`,
		quiet: true
	})
};
