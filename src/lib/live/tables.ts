/** The live mission's contract tables: the row batches the recorder produces and its mission row. */
import { CONTRACT_TABLES, PI_CHAIN_COLUMNS } from '$lib/contract';
import type {
	DetectionRow,
	HomingStepRow,
	MissionRow,
	RssiSampleRow,
	SafetyEventRow,
	SearchPatternRow,
	StateTransitionRow,
	VehicleTelemetryRow,
	WaypointRow
} from '$lib/contract';

/** Rows of one or more contract tables, as produced by the live recorder. */
export interface LiveRows {
	mission?: MissionRow[];
	rssi_sample?: RssiSampleRow[];
	vehicle_telemetry?: VehicleTelemetryRow[];
	state_transition?: StateTransitionRow[];
	detection?: DetectionRow[];
	homing_step?: HomingStepRow[];
	safety_event?: SafetyEventRow[];
	search_pattern?: SearchPatternRow[];
	waypoint?: WaypointRow[];
}
export type LiveTable = keyof LiveRows;
export type AnyLiveRow = NonNullable<LiveRows[LiveTable]>[number];
/** The contract tables a live flight writes (all but beacon_truth: it has no truth), in load order. */
export const LIVE_TABLES: readonly LiveTable[] = CONTRACT_TABLES.filter(
	(t): t is LiveTable => t !== 'beacon_truth'
);

/** The live mission's mission row (source 'live'; ended_at set when the flight is saved). */
export function liveMissionRow(id: string, startedAt: number, pi: string): MissionRow {
	return {
		mission_id: id,
		name: `Live ${new Date(startedAt).toISOString().slice(0, 19).replace('T', ' ')}Z`,
		source: 'live',
		started_at: startedAt,
		ended_at: null,
		software_version: null,
		center_frequency_hz: null,
		...PI_CHAIN_COLUMNS,
		origin_lat_deg: null,
		origin_lon_deg: null,
		origin_alt_amsl_m: null,
		search_area_geojson: null,
		search_area_km2: null,
		beacon_power_dbm: null,
		scenario: null,
		seed: null,
		config_json: JSON.stringify({ pi }),
		notes: 'recorded live by the ground station'
	};
}
