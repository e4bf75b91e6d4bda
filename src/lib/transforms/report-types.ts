/** The shapes of the mission report (see report.ts): its inputs and the JSON it produces. */
import type { KpiLike } from './kpi-cards';
import type { Recommendation } from './report-rules';

export interface ReportSummaryLike {
	mission_id: string;
	name: string | null;
	source: string | null;
	scenario: string | null;
	started_at: number;
	duration_s: number | null;
	rssi_samples: number;
	telemetry_samples: number;
	states_visited: string[];
	detections: number;
	beacon_lat_deg: number | null;
	beacon_lon_deg: number | null;
}

export interface ReportKpiLike extends KpiLike {
	beacon_reference?: string;
	search_start_s?: number | null;
	first_detection_s?: number | null;
	first_contact_range_m?: number | null;
	approach_closest_m?: number | null;
	true_positives?: number | null;
	false_negatives?: number | null;
	homing_path_m?: number | null;
	search_time_ratio?: number | null;
}

export interface ReportStateLike {
	state: string;
	from_state: string | null;
	start_s: number;
	end_s: number;
	reason: string | null;
	forced: boolean;
	allowed: boolean | null;
	inferred: boolean;
}

export interface ReportDetectionLike {
	t_rel_s: number;
	rssi_dbm: number | null;
	snr_db: number | null;
	confidence_pct: number | null;
	lat_deg: number | null;
	lon_deg: number | null;
	system_state: string | null;
}

export interface Requirement {
	id: string;
	text: string;
	kpi: string;
	value: number | null;
	display: string;
	status: 'pass' | 'fail' | 'n/a';
}

export type EventKind = 'arrival' | 'first_detection' | 'homing' | 'acquisition' | 'state';

export interface ReportEvent {
	t_rel_s: number;
	kind: EventKind;
	label: string;
	/** Free text from the data (the transition's reason): rendered as text, never as HTML. */
	detail: string | null;
}

export interface ReportDetection extends ReportDetectionLike {
	/** Distance to the beacon reference, m (null when the beacon position is unknown). */
	distance_m: number | null;
	verdict: 'true' | 'false' | 'unknown';
}

export interface MissionReport {
	report_version: number;
	generated_at: string;
	mission: {
		mission_id: string;
		name: string;
		source: string | null;
		scenario: string | null;
		started_at: string;
		duration_s: number | null;
		rssi_samples: number;
		telemetry_samples: number;
		detections: number;
		states_visited: string[];
		beacon: { lat_deg: number; lon_deg: number } | null;
		beacon_reference: string | null;
	};
	requirements: Requirement[];
	kpis: { name: string; label: string; value: number | null; display: string }[];
	events: ReportEvent[];
	false_positives: {
		radius_m: number;
		true_positives: number | null;
		false_positives: number | null;
		false_negatives: number | null;
		rate_pct: number | null;
		detections: ReportDetection[];
	};
	recommendations: Recommendation[];
	/** The beacon posterior's answer (issue 16): its point and regions; null without one. */
	beacon_posterior: BeaconFindingReport | null;
}

/** What the report says of the beacon posterior. */
export interface BeaconFindingReport {
	point: { lat_deg: number; lon_deg: number };
	/** plain (least-squares fit inside the 90 % region), mean or mode. */
	point_source: string | null;
	region50_m2: number;
	region90_m2: number;
	/** Farthest edge of the 90 % region from the point, m. */
	region90_reach_m: number;
	detections_explained: number | null;
	detections_unexplained: number | null;
}

export interface ReportInput {
	summary: ReportSummaryLike;
	kpis: ReportKpiLike | null;
	states: readonly ReportStateLike[];
	detections: readonly ReportDetectionLike[];
	/** ISO time the report was made (passed in so the builder stays deterministic). */
	generatedAt: string;
	/** The Pi's true-detection radius, m. */
	radiusM?: number;
	/** The beacon posterior (its point and regions; `$lib/beacon`), when there is one. */
	posterior?: {
		point: { lat_deg: number; lon_deg: number };
		point_source?: string;
		region50: { area_m2: number };
		region90: { area_m2: number; reach_m: number };
	} | null;
}
