/** Typed wrapper of sql/queries/spatial/spatial_gradient_accuracy.sql. */
import type { Db } from '$lib/db';
import type { SpatialGradientOptions } from './spatial-gradient';
import { sqlText } from './sql';

export interface SpatialGradientAccuracyRow {
	/** null on the rows pooling every mission asked for. */
	mission_id: string | null;
	r2_band: '<0.3' | '0.3-0.6' | '>=0.6';
	r2_lo: number;
	r2_hi: number;
	n: number;
	median_abs_err_deg: number;
	p90_abs_err_deg: number;
	mean_dist_m: number;
}

/** Bearing error of the spatial gradient against beacon_truth, by R² band. */
export function spatialGradientAccuracy(
	db: Db,
	missionId: string | null,
	{ windowS = 10, stepS = 1, pulsePeriodS = 1 }: SpatialGradientOptions = {},
	minSnrDb = 6
): Promise<SpatialGradientAccuracyRow[]> {
	return db.query<SpatialGradientAccuracyRow>(
		sqlText('queries/spatial/spatial_gradient_accuracy'),
		[missionId, windowS, stepS, pulsePeriodS, minSnrDb]
	);
}
