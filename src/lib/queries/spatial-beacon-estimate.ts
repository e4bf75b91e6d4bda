/** Typed wrapper of sql/queries/spatial/beacon_estimate.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface BeaconEstimateRow {
	mission_id: string;
	n_used: number;
	n_cells: number;
	est_north_m: number | null;
	est_east_m: number | null;
	est_lat_deg: number | null;
	est_lon_deg: number | null;
	uncertainty_m: number | null;
	path_loss_exponent: number | null;
	a_db: number | null;
	rmse_db: number | null;
}

export interface BeaconEstimateOptions {
	pulsePeriodS?: number;
	minSnrDb?: number;
	cellM?: number;
	coarseM?: number;
	nMin?: number;
	nMax?: number;
	/** Stage 2: predicted SNR (dB over the median noise floor) a pulse's position needs. */
	selSnrDb?: number;
}

/** Log-distance fit of the beacon position; no row for a mission without beacon signal. */
export function beaconEstimate(
	db: Db,
	missionId: string | null,
	o: BeaconEstimateOptions = {}
): Promise<BeaconEstimateRow[]> {
	return db.query<BeaconEstimateRow>(sqlText('queries/spatial/beacon_estimate'), [
		missionId,
		o.pulsePeriodS ?? 1,
		o.minSnrDb ?? 6,
		o.cellM ?? 20,
		o.coarseM ?? 25,
		o.nMin ?? 1,
		o.nMax ?? 5,
		o.selSnrDb ?? 12
	]);
}
