/** Typed wrapper of sql/queries/spatial/spatial_gradient.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface SpatialGradientRow {
	mission_id: string;
	/** Epoch ms of the window's last sample. */
	t: number;
	t_rel_s: number;
	n: number;
	/** Steepest RSSI increase, degrees clockwise from north; null when the fit is undefined. */
	bearing_deg: number | null;
	mag_db_per_m: number | null;
	r2: number | null;
	snr_max_db: number | null;
	north_m: number;
	east_m: number;
	lat_deg: number | null;
	lon_deg: number | null;
	system_state: string | null;
}

export interface SpatialGradientOptions {
	/** Window length, s (default 10). */
	windowS?: number;
	/** One evaluation per step, s (default 1). */
	stepS?: number;
	/** Beacon pulse period, s: fit each period's strongest sample (default 1); 0 = all samples. */
	pulsePeriodS?: number;
}

/** Plane-fit RSSI gradient over a sliding window, one row per step; missionId null = all. */
export function spatialGradient(
	db: Db,
	missionId: string | null,
	{ windowS = 10, stepS = 1, pulsePeriodS = 1 }: SpatialGradientOptions = {}
): Promise<SpatialGradientRow[]> {
	return db.query<SpatialGradientRow>(sqlText('queries/spatial/spatial_gradient'), [
		missionId,
		windowS,
		stepS,
		pulsePeriodS
	]);
}
