/** Typed wrapper of sql/queries/spatial/beacon_observations.sql. */
import type { Db } from '$lib/db';
import type { BeaconObservation } from '$lib/beacon/observations';
import { sqlText } from './sql';

/** A row of beacon_observations: one pulse peak (the posterior's input type). */
export type BeaconObservationRow = BeaconObservation;

/** The pulse peaks of one mission, in time order (pulsePeriodS 0 = every sample). */
export function beaconObservations(
	db: Db,
	missionId: string,
	pulsePeriodS = 1
): Promise<BeaconObservationRow[]> {
	return db.query<BeaconObservationRow>(sqlText('queries/spatial/beacon_observations'), [
		missionId,
		pulsePeriodS
	]);
}
