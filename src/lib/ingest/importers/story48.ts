/**
 * The story-4.8 DuckDB schema (seed: config_profiles, state_history with session_id,
 * rssi_buffer, long-format telemetry) → one mission per session. Sessions come from
 * state_history.session_id when present (rssi and telemetry rows, which carry no session, go to
 * the session running at their time), else from gaps of SESSION_GAP_MS across all rows.
 * Reads rows handed over by story48-read.ts (from an attached .duckdb or the Parquet backup).
 */
import { num, str } from './csv';
import { info } from './quality';
import { baseName, missionIdFor } from './naming';
import { assignToSessions, SESSION_GAP_MS, splitByGap } from './sessions';
import { TimeParser } from './time';
import type { DraftMission, DraftNote, TimedRow } from './types';

/** A story-4.8 table's rows (column → value; times as epoch ms, µs bigint or ISO text). */
export type Story48Row = Record<string, unknown>;

/** The seed's tables, as far as the file has them. */
export interface Story48Tables {
	state_history: Story48Row[];
	rssi_buffer: Story48Row[];
	telemetry: Story48Row[];
	config_profiles: Story48Row[];
}

/** Long-format metric names (the recorder's field names, or contract names) → contract column. */
export const METRIC_COLUMNS: Record<string, string> = {
	latitude: 'lat_deg',
	lat: 'lat_deg',
	longitude: 'lon_deg',
	lon: 'lon_deg',
	altitude: 'alt_amsl_m',
	alt: 'alt_amsl_m',
	relative_altitude: 'alt_rel_m',
	groundspeed: 'groundspeed_mps',
	climb_rate: 'climb_mps',
	heading: 'heading_deg',
	roll: 'roll_deg',
	pitch: 'pitch_deg',
	yaw: 'yaw_deg',
	battery_voltage: 'battery_v',
	battery_current: 'battery_a',
	battery_percent: 'battery_pct',
	gps_satellites: 'gps_sats',
	gps_hdop: 'gps_hdop',
	cpu_percent: 'cpu_pct',
	memory_percent: 'mem_pct',
	temperature_c: 'cpu_temp_c'
};
const CONTRACT_NAMES = new Set(Object.values(METRIC_COLUMNS));

/** Story-4.8 rows → draft missions (`format`: 'duckdb-4.8' or 'duckdb-4.8-export'). */
export function importStory48(file: string, t: Story48Tables, format: string): DraftMission[] {
	const notes: DraftNote[] = [];
	const tp = new TimeParser();
	const hist = t.state_history.map((r) => {
		const reason = str(r.reason);
		return {
			t: tp.parse(r.timestamp) ?? NaN,
			session: str(r.session_id),
			from_state: str(r.from_state),
			to_state: str(r.to_state),
			reason,
			forced: reason?.startsWith('FORCED') ?? false,
			operator_id: str(r.operator_id),
			action_duration_ms: num(r.action_duration_ms)
		} satisfies TimedRow;
	});
	const rssi = t.rssi_buffer.map((r): TimedRow => ({
		t: tp.parse(r.timestamp) ?? NaN,
		rssi_dbm: num(r.rssi),
		noise_floor_dbm: num(r.noise_floor),
		snr_db: num(r.snr)
	}));
	const tel = pivotTelemetry(t.telemetry, tp, file, notes);
	const sessions = sessionStarts(hist, [...rssi, ...tel]);
	const byHist = assignToSessions(hist, sessions.starts);
	const byRssi = assignToSessions(rssi, sessions.starts);
	const byTel = assignToSessions(tel, sessions.starts);
	const config = defaultConfig(t.config_profiles);
	if (t.state_history.some((r) => r.location !== null && r.location !== undefined))
		info(
			notes,
			file,
			'state_history.signal_strength and location are not contract columns; not imported'
		);
	return sessions.starts.map((start, k) => {
		const label = sessions.ids[k] ? `session ${sessions.ids[k]!.slice(0, 8)}` : `session ${k + 1}`;
		const own: DraftNote[] = [...notes];
		info(
			own,
			file,
			`${label}: ${sessions.how}`,
			(byHist[k]?.length ?? 0) + (byRssi[k]?.length ?? 0)
		);
		return {
			mission_id: missionIdFor(format, start, file),
			name: `${baseName(file)} ${label}`,
			source: `import:${format}`,
			mission: config ? { config_json: config } : {},
			tables: {
				state_transition: byHist[k] ?? [],
				rssi_sample: byRssi[k] ?? [],
				vehicle_telemetry: byTel[k] ?? []
			},
			notes: own
		};
	});
}

/** Session start times (sorted) and ids, by session_id or by gaps. */
function sessionStarts(hist: (TimedRow & { session: string | null })[], other: TimedRow[]) {
	const first = new Map<string, number>();
	for (const h of hist)
		if (h.session && Number.isFinite(h.t))
			first.set(h.session, Math.min(first.get(h.session) ?? Infinity, h.t));
	if (first.size > 0) {
		const list = [...first].sort((a, b) => a[1] - b[1]);
		return {
			starts: list.map((e) => e[1]),
			ids: list.map((e) => e[0]),
			how: 'split by state_history.session_id'
		};
	}
	const all = [...hist, ...other].filter((r) => Number.isFinite(r.t)).sort((a, b) => a.t - b.t);
	const parts = splitByGap(all);
	const starts = parts.length ? parts.map((p) => p[0]!.t) : [NaN];
	return {
		starts,
		ids: [] as string[],
		how: `no session_id; split at gaps over ${SESSION_GAP_MS / 60_000} min`
	};
}

/** Long rows (timestamp, metric_name, metric_value) → one telemetry row per timestamp. */
function pivotTelemetry(
	rows: Story48Row[],
	tp: TimeParser,
	file: string,
	notes: DraftNote[]
): TimedRow[] {
	const byTime = new Map<number, TimedRow>();
	const unknown = new Map<string, number>();
	for (const r of rows) {
		const name = String(r.metric_name ?? '');
		const col = METRIC_COLUMNS[name] ?? (CONTRACT_NAMES.has(name) ? name : undefined);
		if (!col) {
			unknown.set(name, (unknown.get(name) ?? 0) + 1);
			continue;
		}
		const t = tp.parse(r.timestamp) ?? NaN;
		const row = byTime.get(t) ?? { t };
		row[col] = num(r.metric_value);
		byTime.set(t, row);
	}
	if (unknown.size)
		info(
			notes,
			file,
			`telemetry metrics with no contract column skipped: ${[...unknown.keys()].join(', ')}`,
			[...unknown.values()].reduce((a, b) => a + b, 0)
		);
	return [...byTime.values()];
}

function defaultConfig(rows: Story48Row[]): string | null {
	const p = [...rows].sort(
		(a, b) => Number(b.is_default === true) - Number(a.is_default === true)
	)[0];
	return p ? JSON.stringify(p, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) : null;
}
