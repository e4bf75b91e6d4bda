/**
 * Shapes shared by the importers: a mission as an importer drafts it (rows keyed by contract
 * column names, `t` in epoch ms), and the data-quality notes that travel with it.
 */
import type { ContractTable, MissionRow } from '$lib/contract';

/** How much a note matters: info = provenance, warning = rows repaired or dropped. */
export type Severity = 'info' | 'warning' | 'error';

/** One data-quality note of one mission (a row of the data_quality_note table). */
export interface DataQualityNote {
	mission_id: string;
	file: string;
	severity: Severity;
	message: string;
	rows_affected: number;
}

/** A note before its mission has an id. */
export type DraftNote = Omit<DataQualityNote, 'mission_id'>;

/** A row keyed by contract column names; `t` (when timed) is epoch ms, µs fractions allowed. */
export type DraftRow = Record<string, string | number | boolean | null | undefined>;

/** A timed row: every event/series row has a time. */
export type TimedRow = DraftRow & { t: number };

/** The timed contract tables an importer may fill. */
export type TimedTable =
	| 'rssi_sample'
	| 'vehicle_telemetry'
	| 'state_transition'
	| 'detection'
	| 'homing_step'
	| 'safety_event';

/** One mission as an importer hands it over, before cleaning and ids. */
export interface DraftMission {
	/** Stable id: re-importing the same file yields the same id, so it is not loaded twice. */
	mission_id: string;
	name: string;
	/** 'import:<format>' */
	source: string;
	/** Extra mission columns (config_json, center_frequency_hz, notes, ...). */
	mission?: Partial<MissionRow>;
	tables: Partial<Record<TimedTable, TimedRow[]>>;
	notes: DraftNote[];
}

/** A finished mission: cleaned rows with mission_id and t_rel_s, ready to insert. */
export interface ImportedMission {
	mission_id: string;
	tables: Partial<Record<ContractTable, DraftRow[]>>;
	notes: DataQualityNote[];
}
