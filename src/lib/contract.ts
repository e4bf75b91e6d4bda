/**
 * Data contract v1: table names, the version stamp and the row shapes every layer shares.
 * The DDL is sql/schema/contract_v1.sql; this module mirrors it for TypeScript.
 * Row fields keep their SQL column names end to end.
 *
 * In TypeScript, `t` (TIMESTAMPTZ in SQL) is epoch milliseconds as a number (fractions allowed
 * down to microseconds); timestamps that are NULL are `null`.
 *
 * budget: one mirror of one DDL file; splitting the row shapes apart would hide that they change together.
 */

/** Written into every Parquet file as key-value metadata `pisad.contract_version`. */
export const CONTRACT_VERSION = '1';
export const CONTRACT_VERSION_KEY = 'pisad.contract_version';

/** Contract tables, in load order. */
export const CONTRACT_TABLES = [
	'mission',
	'rssi_sample',
	'vehicle_telemetry',
	'state_transition',
	'detection',
	'homing_step',
	'search_pattern',
	'waypoint',
	'safety_event',
	'beacon_truth'
] as const;
export type ContractTable = (typeof CONTRACT_TABLES)[number];

export function isContractTable(name: string): name is ContractTable {
	return (CONTRACT_TABLES as readonly string[]).includes(name);
}

/** The Pi's flight states (pisad-domain.md §5). */
export const STATES = ['IDLE', 'SEARCHING', 'DETECTING', 'HOMING', 'HOLDING', 'EMERGENCY'] as const;
export type SystemState = (typeof STATES)[number];

/** Allowed transitions of the Pi's state machine (pisad-domain.md §5). */
export const ALLOWED_TRANSITIONS: Readonly<Record<SystemState, readonly SystemState[]>> = {
	IDLE: ['SEARCHING', 'EMERGENCY'],
	SEARCHING: ['IDLE', 'DETECTING', 'EMERGENCY'],
	DETECTING: ['SEARCHING', 'HOMING', 'IDLE', 'EMERGENCY'],
	HOMING: ['HOLDING', 'SEARCHING', 'IDLE', 'EMERGENCY'],
	HOLDING: ['HOMING', 'SEARCHING', 'IDLE', 'EMERGENCY'],
	EMERGENCY: ['IDLE']
};

/**
 * KPI names the review and live views render as `data-kpi` (the analytics issue's list). The
 * KPI query row carries them all; the KPI cards render them all.
 */
export const REVIEW_KPI_NAMES = [
	'duration_s',
	'rssi_samples',
	'detections',
	'noise_floor_p10_dbm',
	'max_rssi_dbm',
	'time_to_detection_s',
	'detection_range_m',
	'beacon_est_lat',
	'beacon_est_lon',
	'beacon_est_err_m',
	'approach_accuracy_m',
	'homing_efficiency_pct',
	'coverage_km2',
	'false_positives'
] as const;

/** Pi signal-chain constants (pisad-domain.md §3). */
export const PI_SIGNAL = {
	ewmaAlpha: 0.3,
	noisePercentile: 0.1,
	noiseWindowSamples: 100,
	noiseMinSamples: 10,
	noiseDefaultDbm: -85,
	snrTriggerDb: 12,
	snrDropDb: 6,
	debounceIn: 3,
	debounceOut: 5
} as const;

/** The mission row's signal-chain columns for a mission recorded with the Pi's own constants. */
export const PI_CHAIN_COLUMNS = {
	ewma_alpha: PI_SIGNAL.ewmaAlpha,
	noise_percentile: PI_SIGNAL.noisePercentile,
	noise_window_samples: PI_SIGNAL.noiseWindowSamples,
	snr_trigger_db: PI_SIGNAL.snrTriggerDb,
	snr_drop_db: PI_SIGNAL.snrDropDb,
	debounce_in_samples: PI_SIGNAL.debounceIn,
	debounce_out_samples: PI_SIGNAL.debounceOut
} as const;

export interface MissionRow {
	mission_id: string;
	name: string | null;
	source: string | null;
	started_at: number;
	ended_at: number | null;
	software_version: string | null;
	center_frequency_hz: number | null;
	ewma_alpha: number | null;
	noise_percentile: number | null;
	noise_window_samples: number | null;
	snr_trigger_db: number | null;
	snr_drop_db: number | null;
	debounce_in_samples: number | null;
	debounce_out_samples: number | null;
	origin_lat_deg: number | null;
	origin_lon_deg: number | null;
	origin_alt_amsl_m: number | null;
	search_area_geojson: string | null;
	search_area_km2: number | null;
	beacon_power_dbm: number | null;
	scenario: string | null;
	seed: number | null;
	config_json: string | null;
	notes: string | null;
}

interface Timed {
	mission_id: string;
	t: number;
	t_rel_s: number;
}

export interface RssiSampleRow extends Timed {
	seq: number;
	rssi_dbm: number | null;
	rssi_raw_dbm: number | null;
	noise_floor_dbm: number | null;
	snr_db: number | null;
	above_trigger: boolean | null;
	detected: boolean | null;
	confidence_pct: number | null;
	frequency_hz: number | null;
	system_state: string | null;
}

export interface VehicleTelemetryRow extends Timed {
	lat_deg: number | null;
	lon_deg: number | null;
	alt_amsl_m: number | null;
	alt_rel_m: number | null;
	north_m: number | null;
	east_m: number | null;
	groundspeed_mps: number | null;
	climb_mps: number | null;
	heading_deg: number | null;
	roll_deg: number | null;
	pitch_deg: number | null;
	yaw_deg: number | null;
	battery_v: number | null;
	battery_a: number | null;
	battery_pct: number | null;
	gps_fix: string | null;
	gps_sats: number | null;
	gps_hdop: number | null;
	flight_mode: string | null;
	armed: boolean | null;
	cpu_pct: number | null;
	mem_pct: number | null;
	cpu_temp_c: number | null;
}

export interface StateTransitionRow extends Timed {
	from_state: string | null;
	to_state: string;
	reason: string | null;
	forced: boolean | null;
	operator_id: string | null;
	action_duration_ms: number | null;
	homing_enabled: boolean | null;
}

export interface DetectionRow extends Timed {
	detection_id: number;
	frequency_hz: number | null;
	rssi_dbm: number | null;
	snr_db: number | null;
	confidence_pct: number | null;
	lat_deg: number | null;
	lon_deg: number | null;
	north_m: number | null;
	east_m: number | null;
	system_state: string | null;
}

export interface HomingStepRow extends Timed {
	substage: string | null;
	gradient_mag_db_per_m: number | null;
	gradient_dir_deg: number | null;
	gradient_conf_pct: number | null;
	target_heading_deg: number | null;
	cmd_forward_mps: number | null;
	cmd_yaw_rate_rps: number | null;
}

export interface SearchPatternRow {
	mission_id: string;
	pattern_id: string | null;
	pattern_type: string | null;
	spacing_m: number | null;
	velocity_mps: number | null;
	altitude_m: number | null;
	boundary_geojson: string | null;
}

export interface WaypointRow {
	mission_id: string;
	pattern_id: string | null;
	idx: number;
	lat_deg: number | null;
	lon_deg: number | null;
	north_m: number | null;
	east_m: number | null;
	alt_m: number | null;
	reached_at: number | null;
}

export interface SafetyEventRow extends Timed {
	event_id: string | null;
	event_type: string | null;
	trigger: string | null;
	details: string | null;
	resolved: boolean | null;
}

export interface BeaconTruthRow {
	mission_id: string;
	beacon_id: string | null;
	lat_deg: number | null;
	lon_deg: number | null;
	alt_amsl_m: number | null;
	north_m: number | null;
	east_m: number | null;
	power_dbm: number | null;
	frequency_hz: number | null;
	pulse_period_s: number | null;
	pulse_width_s: number | null;
}

/** One mission's rows for every contract table (what the simulator and live recorder produce). */
export interface MissionTables {
	mission: MissionRow[];
	rssi_sample: RssiSampleRow[];
	vehicle_telemetry: VehicleTelemetryRow[];
	state_transition: StateTransitionRow[];
	detection: DetectionRow[];
	homing_step: HomingStepRow[];
	search_pattern: SearchPatternRow[];
	waypoint: WaypointRow[];
	safety_event: SafetyEventRow[];
	beacon_truth: BeaconTruthRow[];
}
