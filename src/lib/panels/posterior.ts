/**
 * The beacon's posterior map of one mission (issue 16, $lib/beacon): its pulse peaks and origin
 * from SQL, the search boundary from the pattern the `pattern` panel asked (shared, asked once),
 * the posterior computed in the beacon worker (~0.25 s for a 1-hour sortie, off the main thread).
 */
import type { BeaconPosterior } from '$lib/beacon';
import { reviewWorker } from '$lib/beacon-worker';
import type { Shared } from '$lib/coordinator';
import type { Db } from '$lib/db/types';
import { searchPattern } from '$lib/queries/search-pattern';
import { beaconObservations } from '$lib/queries/spatial-beacon-observations';
import { missionOrigin } from '$lib/queries/spatial-mission-origin';
import { localBoundary } from '$lib/transforms/beacon-regions';

/** The mission's search pattern, asked once per opened mission however many panels need it. */
export function patternOf(db: Db, missionId: string, shared: Shared) {
	return shared.once(`pattern:${missionId}`, () => searchPattern(db, missionId));
}

/** The posterior of a mission, or null without an origin or enough pulses. */
export async function posteriorOf(
	db: Db,
	missionId: string,
	shared: Shared
): Promise<BeaconPosterior | null> {
	const origin = await missionOrigin(db, missionId);
	if (!origin) return null;
	const observations = await beaconObservations(db, missionId);
	const boundary = localBoundary(await patternOf(db, missionId, shared), origin);
	return reviewWorker().review({ observations, origin, boundary });
}
