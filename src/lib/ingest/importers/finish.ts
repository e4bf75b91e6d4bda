/**
 * Draft → contract rows: order and clean every table (with notes), fill the Pi's computed signal
 * columns, derive detections and states where the source has none, then stamp mission_id, t_rel_s
 * and local north/east from the first good position.
 */
import { PI_CHAIN_COLUMNS, type MissionRow } from '$lib/contract';
import { IngestError } from '../notes';
import {
	addRelative,
	cleanPositions,
	cleanRssi,
	fillRelativeAltitude,
	info,
	orderByTime,
	warn
} from './quality';
import { deriveDetections, fillSignal, stateAsOf } from './signal';
import type { DraftMission, DraftRow, ImportedMission, TimedRow, TimedTable } from './types';

const SERIES: TimedTable[] = ['rssi_sample', 'vehicle_telemetry', 'homing_step'];
const ALL: TimedTable[] = [...SERIES, 'state_transition', 'detection', 'safety_event'];

/** Finish one drafted mission; throws an IngestError when nothing usable is left. */
export function finishMission(d: DraftMission, file: string): ImportedMission {
	const notes = [...d.notes];
	const t: Partial<Record<TimedTable, TimedRow[]>> = {};
	for (const name of ALL) {
		const rows = d.tables[name];
		if (rows?.length) t[name] = orderByTime(rows, name, file, notes, SERIES.includes(name));
	}
	if (t.state_transition) {
		const ok = t.state_transition.filter(
			(r) => typeof r.to_state === 'string' && r.to_state !== ''
		);
		warn(
			notes,
			file,
			t.state_transition.length - ok.length,
			'state changes without a target state dropped'
		);
		t.state_transition = ok;
	}
	const transitions = t.state_transition ?? [];
	const telemetry = t.vehicle_telemetry ?? [];
	if (t.rssi_sample) {
		t.rssi_sample = cleanRssi(t.rssi_sample, file, notes);
		stateAsOf(t.rssi_sample, transitions);
		fillSignal(t.rssi_sample, file, notes);
	}
	cleanPositions(telemetry, file, notes);
	fillRelativeAltitude(telemetry, file, notes);
	if (!t.detection?.length && t.rssi_sample?.length) {
		const det = deriveDetections(t.rssi_sample, telemetry);
		if (det.length) {
			t.detection = det;
			info(notes, file, 'detection events derived from the rising edges of detected', det.length);
		}
	}
	const times = ALL.flatMap((n) => (t[n]?.length ? [t[n]![0]!.t, t[n]!.at(-1)!.t] : []));
	if (times.length === 0) {
		throw new IngestError(
			file,
			`${file} holds no rows with a time (empty, or only a header)`,
			'Check that the logger ran during the flight, or pick another file.'
		);
	}
	const start = Math.min(...times);
	const end = Math.max(...times);
	const fix = [...telemetry, ...(t.detection ?? [])].find(
		(r) => typeof r.lat_deg === 'number' && typeof r.lon_deg === 'number'
	);
	const origin = fix ? { lat: fix.lat_deg as number, lon: fix.lon_deg as number } : null;
	const tables: ImportedMission['tables'] = {};
	for (const name of ALL) {
		const rows = t[name];
		if (!rows?.length) continue;
		addRelative(rows, start, origin);
		for (const r of rows) r.mission_id = d.mission_id;
		tables[name] = rows;
	}
	tables.mission = [missionRow(d, start, end, origin, telemetry)];
	return {
		mission_id: d.mission_id,
		tables,
		notes: notes.map((n) => ({ ...n, mission_id: d.mission_id }))
	};
}

function missionRow(
	d: DraftMission,
	start: number,
	end: number,
	origin: { lat: number; lon: number } | null,
	telemetry: TimedRow[]
): DraftRow {
	const alt = telemetry.find((r) => typeof r.alt_amsl_m === 'number')?.alt_amsl_m ?? null;
	const row: Partial<MissionRow> = {
		mission_id: d.mission_id,
		name: d.name,
		source: d.source,
		started_at: start,
		ended_at: end,
		// The Pi's chain constants: every PISAD build so far uses them (pisad-domain.md §3).
		...PI_CHAIN_COLUMNS,
		origin_lat_deg: origin?.lat ?? null,
		origin_lon_deg: origin?.lon ?? null,
		origin_alt_amsl_m: typeof alt === 'number' ? alt : null,
		...d.mission
	};
	return row as DraftRow;
}
