/** Typed wrapper of sql/queries/mission-kpi/mission_kpis.sql (definitions in its header). */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

/** Where the beacon position used by distance KPIs came from. */
export type BeaconReference = 'truth' | 'none' | 'estimate' | 'unknown';

export interface MissionKpiSqlRow {
	mission_id: string;
	beacon_reference: BeaconReference;
	duration_s: number | null;
	rssi_samples: number;
	detections: number;
	noise_floor_p10_dbm: number | null;
	max_rssi_dbm: number | null;
	search_start_s: number | null;
	first_detection_s: number | null;
	/** First detection at or after search start − search start. */
	time_to_detection_s: number | null;
	detecting_to_homing_latency_s: number | null;
	detecting_to_homing_latency_max_s: number | null;
	fr3_pass: boolean | null;
	time_to_locate_s: number | null;
	/** Range at the first detection whose pursuit came within the true-detection radius. */
	detection_range_m: number | null;
	detection_range_snr_db: number | null;
	/** Range at the first detection after search start, whatever caused it. */
	first_contact_range_m: number | null;
	fr1_pass: boolean | null;
	/** Final distance to the beacon while HOLDING. */
	approach_accuracy_m: number | null;
	approach_closest_m: number | null;
	homing_efficiency_pct: number | null;
	homing_path_m: number | null;
	rssi_improvement_db: number | null;
	true_positives: number | null;
	false_positives: number | null;
	false_negatives: number | null;
	false_positive_rate_pct: number | null;
	nfr7_pass: boolean | null;
	search_time_min: number | null;
	search_time_ratio: number | null;
	goal_70_pass: boolean;
	story34_pass: boolean | null;
}

/** Tunables of the KPI definitions; NULL/absent → the Pi's defaults. */
export interface MissionKpiParams {
	/** The Pi's true-detection radius, m (100). */
	trueDetectionRadiusM?: number;
	/** Ground-search baseline, minutes (120). */
	baselineSearchMin?: number;
	/** Beacon estimate used only by missions with no beacon_truth that are not simulated. */
	estimate?: { lat_deg: number; lon_deg: number } | null;
}

/** The requirement KPIs of one mission (or all with NULL), straight from SQL. */
export function missionKpiSql(
	db: Db,
	missionId: string | null,
	p: MissionKpiParams = {}
): Promise<MissionKpiSqlRow[]> {
	return db.query<MissionKpiSqlRow>(sqlText('queries/mission-kpi/mission_kpis'), [
		missionId,
		p.trueDetectionRadiusM ?? null,
		p.baselineSearchMin ?? null,
		p.estimate?.lat_deg ?? null,
		p.estimate?.lon_deg ?? null
	]);
}
