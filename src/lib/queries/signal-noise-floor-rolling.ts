/** Typed wrapper of sql/queries/signal/noise_floor_rolling.sql. */
import type { Db } from '$lib/db';
import { PI_SIGNAL } from '$lib/contract';
import { sqlText } from './sql';

/** The Pi's rolling-floor parameters (defaults: PI_SIGNAL, pisad-domain.md §3). */
export interface NoiseFloorParams {
	/** Samples in the window, including the current one (100). */
	windowSamples: number;
	/** Below this many samples the floor is `defaultDbm` (10). */
	minSamples: number;
	/** Floor before the window has `minSamples` samples, dBm (−85). */
	defaultDbm: number;
	/** Percentile as a fraction, lower-index rule `sorted[floor(p·(n−1))]` (0.1). */
	percentile: number;
}

/** Pi defaults of {@link NoiseFloorParams}. */
export const PI_NOISE_FLOOR: NoiseFloorParams = {
	windowSamples: PI_SIGNAL.noiseWindowSamples,
	minSamples: PI_SIGNAL.noiseMinSamples,
	defaultDbm: PI_SIGNAL.noiseDefaultDbm,
	percentile: PI_SIGNAL.noisePercentile
};

/** Bound parameters $2..$5 of the rolling-floor queries, in order. */
export function noiseFloorParamList(p: Partial<NoiseFloorParams>): number[] {
	const q = { ...PI_NOISE_FLOOR, ...p };
	return [q.windowSamples, q.minSamples, q.defaultDbm, q.percentile];
}

export interface NoiseFloorRollingRow {
	mission_id: string;
	seq: number;
	t: number;
	t_rel_s: number;
	rssi_dbm: number;
	/** Samples in the window (≤ windowSamples). */
	window_n: number;
	/** Recomputed floor, dBm. */
	noise_floor_dbm: number;
	/** rssi_dbm − recomputed floor, dB. */
	snr_db: number;
	recorded_noise_floor_dbm: number | null;
	/** Recomputed − recorded, dB (0 when the file agrees with the Pi's rule). */
	floor_diff_db: number | null;
}

/**
 * The Pi's rolling noise floor recomputed per sample, with the recorded one beside it.
 * `missionId` null = every mission (rows ordered by mission_id, seq).
 */
export function noiseFloorRolling(
	db: Db,
	missionId: string | null,
	params: Partial<NoiseFloorParams> = {}
): Promise<NoiseFloorRollingRow[]> {
	return db.query<NoiseFloorRollingRow>(sqlText('queries/signal/noise_floor_rolling'), [
		missionId,
		...noiseFloorParamList(params)
	]);
}
