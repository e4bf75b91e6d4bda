/**
 * Today's SQLite `pisad.db` (state_history, current_state, config_profiles), read in the tab with
 * sql.js (SQLite compiled to wasm; its wasm file is served by the app, never from a CDN).
 * state_history holds many sessions in one file: they are split at gaps of SESSION_GAP_MS, each
 * session one mission with its state transitions (no RSSI: the Pi does not persist it today).
 */
import { IngestError } from '../notes';
import { info } from './quality';
import { baseName, missionIdFor } from './naming';
import { SESSION_GAP_MS, splitByGap } from './sessions';
import { TimeParser } from './time';
import type { DraftMission, DraftNote, TimedRow } from './types';
import type { Database, SqlJsStatic } from 'sql.js';

let engine: Promise<SqlJsStatic> | null = null;

/** sql.js, loaded on first use (only a SQLite file needs it). */
async function sqlJs(): Promise<SqlJsStatic> {
	engine ??= (async () => {
		const { default: init } = await import('sql.js');
		// In Node (tests) sql.js finds its wasm beside itself; in the browser Vite serves it.
		if (typeof window === 'undefined') return init();
		const { default: url } = await import('sql.js/dist/sql-wasm.wasm?url');
		return init({ locateFile: () => url });
	})();
	return engine;
}

type Obj = Record<string, string | number | Uint8Array | null>;

function rows(db: Database, sql: string): Obj[] {
	const [res] = db.exec(sql);
	if (!res) return [];
	return res.values.map((v) => Object.fromEntries(res.columns.map((c, i) => [c, v[i] ?? null])));
}

/** SQLite bytes → one draft mission per session of state_history. */
export async function importSqlite(file: string, bytes: Uint8Array): Promise<DraftMission[]> {
	const SQL = await sqlJs();
	let db: Database;
	let tables: string[];
	try {
		db = new SQL.Database(bytes);
		tables = rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) =>
			String(r.name)
		);
	} catch (e) {
		throw new IngestError(
			file,
			`${file} is not a SQLite database or is damaged`,
			'Copy pisad.db from the Pi again (stop the service first so the file is complete).',
			String(e)
		);
	}
	try {
		if (!tables.includes('state_history'))
			throw new IngestError(
				file,
				`${file} is SQLite but has no state_history table (tables: ${tables.join(', ') || 'none'})`,
				"Pick the Pi's data/pisad.db."
			);
		const tp = new TimeParser();
		const hist = rows(db, 'SELECT * FROM state_history ORDER BY id').map((r): TimedRow => {
			const reason = r.reason === null ? null : String(r.reason);
			return {
				t: tp.parse(r.timestamp) ?? tp.parse(r.created_at) ?? NaN,
				from_state: r.from_state === null ? null : String(r.from_state),
				to_state: String(r.to_state),
				reason,
				forced: reason?.startsWith('FORCED:') ?? false,
				operator_id: r.operator_id === null ? null : String(r.operator_id),
				action_duration_ms: typeof r.action_duration_ms === 'number' ? r.action_duration_ms : null
			};
		});
		const config = tables.includes('config_profiles') ? defaultProfile(db) : null;
		const current = tables.includes('current_state')
			? rows(db, 'SELECT * FROM current_state')[0]
			: undefined;
		const timed = hist.filter((r) => Number.isFinite(r.t)).sort((a, b) => a.t - b.t);
		const sessions = splitByGap(timed);
		return sessions.map((s, k) => {
			const notes: DraftNote[] = [];
			info(
				notes,
				file,
				`session ${k + 1} of ${sessions.length} (sessions split at gaps over ${SESSION_GAP_MS / 60_000} min); state history only, no RSSI or telemetry in this file`,
				s.length
			);
			if (hist.length > timed.length && k === 0)
				notes.push({
					file,
					severity: 'warning',
					message: 'state_history rows without a readable timestamp dropped',
					rows_affected: hist.length - timed.length
				});
			if (current && k === sessions.length - 1)
				info(
					notes,
					file,
					`current_state at copy time: ${String(current.state)} (detections: ${String(current.detection_count ?? 0)})`
				);
			const start = s[0]!.t;
			return {
				mission_id: missionIdFor('sqlite', start, file),
				name: `${baseName(file)} session ${k + 1} (${new Date(start).toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
				source: 'import:sqlite',
				mission: config ? { config_json: config } : {},
				tables: { state_transition: s },
				notes
			};
		});
	} finally {
		db.close();
	}
}

/** The default (else first) config profile as JSON text, or null. */
function defaultProfile(db: Database): string | null {
	const p = rows(db, 'SELECT * FROM config_profiles ORDER BY is_default DESC, name LIMIT 1')[0];
	if (!p) return null;
	const parse = (v: unknown): unknown => {
		try {
			return typeof v === 'string' ? JSON.parse(v) : v;
		} catch {
			return v;
		}
	};
	return JSON.stringify({
		name: p.name,
		sdr_config: parse(p.sdr_config),
		signal_config: parse(p.signal_config),
		homing_config: parse(p.homing_config)
	});
}
