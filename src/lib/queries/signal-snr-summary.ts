/** Typed wrapper of sql/queries/signal/snr_summary.sql. */
import type { Db } from '$lib/db';
import { PI_SIGNAL } from '$lib/contract';
import { sqlText } from './sql';

export interface SnrSummaryRow {
	mission_id: string;
	samples: number;
	duration_s: number;
	snr_p10_db: number | null;
	snr_p50_db: number | null;
	snr_p90_db: number | null;
	snr_max_db: number | null;
	/** Fraction of samples with snr_db > triggerDb. */
	above_trigger_fraction: number;
	detected_samples: number;
	/** Time the recorded `detected` flag was on, s. */
	detected_s: number;
	detected_fraction: number | null;
}

/** SNR distribution and detected time per mission. `missionId` null = every mission. */
export function snrSummary(
	db: Db,
	missionId: string | null,
	triggerDb: number = PI_SIGNAL.snrTriggerDb
): Promise<SnrSummaryRow[]> {
	return db.query<SnrSummaryRow>(sqlText('queries/signal/snr_summary'), [missionId, triggerDb]);
}
