/** Typed wrapper of sql/queries/signal/detection_intervals.sql. */
import type { Db } from '$lib/db';
import { PI_SIGNAL } from '$lib/contract';
import { sqlText } from './sql';

/** Debounce parameters (defaults: the Pi's 12/6 dB, 3-in/5-out). dropDb must be < triggerDb. */
export interface DebounceParams {
	triggerDb: number;
	dropDb: number;
	inSamples: number;
	outSamples: number;
}

export const PI_DEBOUNCE: DebounceParams = {
	triggerDb: PI_SIGNAL.snrTriggerDb,
	dropDb: PI_SIGNAL.snrDropDb,
	inSamples: PI_SIGNAL.debounceIn,
	outSamples: PI_SIGNAL.debounceOut
};

export interface DetectionIntervalRow {
	mission_id: string;
	/** 1, 2, ... per mission. */
	detection_no: number;
	start_seq: number;
	start_t: number;
	start_t_rel_s: number;
	/** Sample where detection dropped, or the mission's last sample when `ended` is false. */
	end_seq: number;
	end_t: number;
	end_t_rel_s: number;
	ended: boolean;
	duration_s: number;
	/** Detected samples in the interval. */
	samples: number;
	start_rssi_dbm: number | null;
	start_snr_db: number | null;
	peak_rssi_dbm: number | null;
	peak_snr_db: number | null;
	/** The Pi's clamp(50 + 2.5·(peak_snr_db − triggerDb), 0, 100), %. */
	peak_confidence_pct: number | null;
	/** Time of the peak-RSSI sample. */
	peak_t_rel_s: number;
	start_lat_deg: number | null;
	start_lon_deg: number | null;
	start_north_m: number | null;
	start_east_m: number | null;
	peak_lat_deg: number | null;
	peak_lon_deg: number | null;
	peak_north_m: number | null;
	peak_east_m: number | null;
}

/**
 * Debounced detection intervals recomputed from the recorded snr_db with the Pi's rule.
 * `missionId` null = every mission.
 */
export function detectionIntervals(
	db: Db,
	missionId: string | null,
	params: Partial<DebounceParams> = {}
): Promise<DetectionIntervalRow[]> {
	const p = { ...PI_DEBOUNCE, ...params };
	return db.query<DetectionIntervalRow>(sqlText('queries/signal/detection_intervals'), [
		missionId,
		p.triggerDb,
		p.dropDb,
		p.inSamples,
		p.outSamples
	]);
}
