/** Typed wrapper of sql/queries/signal/noise_floor_check.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';
import { noiseFloorParamList, type NoiseFloorParams } from './signal-noise-floor-rolling';

export interface NoiseFloorCheckRow {
	mission_id: string;
	samples: number;
	recorded_null_samples: number;
	/** Samples whose recorded floor is NULL or off by more than the tolerance. */
	mismatched_samples: number;
	max_abs_diff_db: number;
	first_mismatch_seq: number | null;
}

/**
 * Data-quality check of the recorded noise_floor_dbm column against the Pi's rule, per mission.
 * `toleranceDb` defaults to 0.01 dB.
 */
export function noiseFloorCheck(
	db: Db,
	missionId: string | null,
	params: Partial<NoiseFloorParams> = {},
	toleranceDb = 0.01
): Promise<NoiseFloorCheckRow[]> {
	return db.query<NoiseFloorCheckRow>(sqlText('queries/signal/noise_floor_check'), [
		missionId,
		...noiseFloorParamList(params),
		toleranceDb
	]);
}
