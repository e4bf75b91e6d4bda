/** Typed wrapper of sql/queries/signal/temporal_gradient.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface TemporalGradientRow {
	mission_id: string;
	seq: number;
	t: number;
	t_rel_s: number;
	rssi_dbm: number | null;
	system_state: string | null;
	/** Samples in the fit. */
	window_n: number;
	/** regr_slope of RSSI over time, dB/s (null below 3 samples). */
	slope_db_per_s: number | null;
	/** regr_r2, 0..1 (null below 3 samples or for a flat window). */
	r2: number | null;
}

/**
 * RSSI trend per sample: least-squares slope and R² over the last `windowS` seconds, at most
 * `maxSamples` samples (the seed's 2 s / 20). `missionId` null = every mission.
 */
export function temporalGradient(
	db: Db,
	missionId: string | null,
	windowS = 2,
	maxSamples = 20
): Promise<TemporalGradientRow[]> {
	return db.query<TemporalGradientRow>(sqlText('queries/signal/temporal_gradient'), [
		missionId,
		windowS,
		maxSamples
	]);
}
