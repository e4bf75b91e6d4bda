/**
 * The simple questions answered by SQLite (sql.js, in the bench worker), written the way a
 * developer would on SQLite, which has no percentile, regression or ASOF join: percentiles by
 * ORDER BY + OFFSET, regression from running sums, the as-of position by a correlated subquery on
 * an index, the rolling percentile by a JS loop over rows fetched in order. Rows and columns match
 * the DuckDB side (simple-questions.ts) so results cross-check.
 */
import type { Database, SqlJsValue } from 'sql.js/dist/sql-wasm-browser.js';
import type { SimpleQuestionId } from './sqlite-protocol';
import type { ResultRow } from './types';

/**
 * The table layout the questions rely on. rssi_sample is clustered on (mission_id, seq)
 * (WITHOUT ROWID) with an index on t, as in the measured anchors; t is epoch microseconds (exact
 * in an INTEGER, so time windows compare exactly as DuckDB's TIMESTAMPTZ does).
 */
export const SQLITE_SCHEMA = `
CREATE TABLE rssi_sample (
	mission_id TEXT NOT NULL, seq INTEGER NOT NULL, t INTEGER NOT NULL, t_rel_s REAL,
	rssi_dbm REAL, noise_floor_dbm REAL, snr_db REAL, detected INTEGER, system_state TEXT,
	PRIMARY KEY (mission_id, seq)
) WITHOUT ROWID;
CREATE INDEX rssi_sample_t ON rssi_sample (t);
CREATE TABLE vehicle_telemetry (
	mission_id TEXT NOT NULL, t INTEGER NOT NULL, t_rel_s REAL, lat_deg REAL, lon_deg REAL,
	north_m REAL, east_m REAL, alt_rel_m REAL
);
CREATE INDEX vehicle_telemetry_mission_t ON vehicle_telemetry (mission_id, t);`;

/** DuckDB's quantile_disc index: ceil(n·q) − 1 (same float arithmetic as DuckDB's C++). */
export function discIndex(n: number, q: number): number {
	return Math.max(0, Math.ceil(n * q) - 1);
}

function all(db: Database, sql: string, params: SqlJsValue[] = []): ResultRow[] {
	const stmt = db.prepare(sql);
	try {
		stmt.bind(params);
		const out: ResultRow[] = [];
		while (stmt.step()) out.push(stmt.getAsObject() as ResultRow);
		return out;
	} finally {
		stmt.free();
	}
}

function scalar(db: Database, sql: string, params: SqlJsValue[] = []): SqlJsValue {
	const stmt = db.prepare(sql);
	try {
		stmt.bind(params);
		return stmt.step() ? (stmt.get()[0] ?? null) : null;
	} finally {
		stmt.free();
	}
}

/** The live window: the index on t finds max(t) and the last 10 s; ORDER BY + OFFSET is p10. */
function p10Last10s(db: Database): ResultRow[] {
	const max = scalar(db, 'SELECT max(t) FROM rssi_sample');
	if (typeof max !== 'number') return [{ p10_dbm: null, n: 0 }];
	const from = max - 10_000_000;
	const n = Number(scalar(db, 'SELECT count(rssi_dbm) FROM rssi_sample WHERE t > ?', [from]));
	const p10 =
		n === 0
			? null
			: scalar(
					db,
					`SELECT rssi_dbm FROM rssi_sample WHERE t > ? AND rssi_dbm IS NOT NULL
					 ORDER BY rssi_dbm LIMIT 1 OFFSET ?`,
					[from, discIndex(n, 0.1)]
				);
	return [{ p10_dbm: p10 as number | null, n }];
}

/** Count per mission (a scan of the clustered key), then one ORDER BY + OFFSET per mission. */
function p10PerMission(db: Database): ResultRow[] {
	const counts = all(
		db,
		'SELECT mission_id, count(rssi_dbm) AS n FROM rssi_sample GROUP BY mission_id ORDER BY mission_id'
	);
	const pick = db.prepare(
		`SELECT rssi_dbm FROM rssi_sample WHERE mission_id = ? AND rssi_dbm IS NOT NULL
		 ORDER BY rssi_dbm LIMIT 1 OFFSET ?`
	);
	try {
		return counts.map(({ mission_id, n }) => {
			let p10: SqlJsValue = null;
			if (Number(n) > 0) {
				pick.bind([String(mission_id), discIndex(Number(n), 0.1)]);
				if (pick.step()) p10 = pick.get()[0] ?? null;
				pick.reset();
			}
			return { mission_id: mission_id ?? null, p10_dbm: p10 as number | null, n: Number(n) };
		});
	} finally {
		pick.free();
	}
}

/**
 * Least squares from sums (one scan): slope = (nΣxy − ΣxΣy) / (nΣx² − (Σx)²),
 * r² = (nΣxy − ΣxΣy)² / ((nΣx² − (Σx)²)(nΣy² − (Σy)²)). Raw sums lose a few digits to
 * cancellation at 36,000 samples of 0..3600 s; still well inside the 1e-6 cross-check.
 */
const REGR_SQL = `
SELECT mission_id, n,
	(n * sxy - sx * sy) / (n * sxx - sx * sx) AS slope_db_per_s,
	(n * sxy - sx * sy) * (n * sxy - sx * sy) / ((n * sxx - sx * sx) * (n * syy - sy * sy)) AS r2
FROM (
	SELECT mission_id, count(*) * 1.0 AS n, sum(t_rel_s) AS sx, sum(rssi_dbm) AS sy,
		sum(t_rel_s * t_rel_s) AS sxx, sum(rssi_dbm * rssi_dbm) AS syy, sum(t_rel_s * rssi_dbm) AS sxy
	FROM rssi_sample WHERE rssi_dbm IS NOT NULL AND t_rel_s IS NOT NULL
	GROUP BY mission_id
) ORDER BY mission_id`;

/**
 * Each sample takes the latest telemetry row at or before it: a correlated subquery walks the
 * (mission_id, t) index backwards one step (SQLite's stand-in for ASOF JOIN), then the rowid
 * lookup fetches its position. floor() is SQLite's own math function.
 */
const GRID_SQL = `
SELECT r.mission_id, floor(v.north_m / 25) AS cell_i, floor(v.east_m / 25) AS cell_j,
	count(*) AS n, avg(r.rssi_dbm) AS rssi_avg_dbm, max(r.rssi_dbm) AS rssi_max_dbm
FROM rssi_sample r
JOIN vehicle_telemetry v ON v.rowid = (
	SELECT w.rowid FROM vehicle_telemetry w
	WHERE w.mission_id = r.mission_id AND w.t <= r.t ORDER BY w.t DESC LIMIT 1
)
WHERE r.rssi_dbm IS NOT NULL AND v.north_m IS NOT NULL AND v.east_m IS NOT NULL
GROUP BY r.mission_id, cell_i, cell_j ORDER BY r.mission_id, cell_i, cell_j`;

/** SQLite has had LAG since 3.25: the same SQL as DuckDB's. */
const LAG_SQL = `
SELECT mission_id, sum(CASE WHEN d > 10 THEN 1 ELSE 0 END) AS jumps, max(d) AS max_delta_db,
	count(d) AS n
FROM (SELECT mission_id, rssi_dbm - LAG(rssi_dbm) OVER (PARTITION BY mission_id ORDER BY seq) AS d
	FROM rssi_sample)
GROUP BY mission_id ORDER BY mission_id`;

/**
 * p10 of the previous 100 rows (nulls skipped, like quantile_disc), by a loop over the mission's
 * rows in seq order keeping the window sorted: one binary-search removal and insertion per row.
 */
function rollingP10(db: Database, missionId: string): ResultRow[] {
	const rows = all(db, 'SELECT seq, rssi_dbm FROM rssi_sample WHERE mission_id = ? ORDER BY seq', [
		missionId
	]);
	const window: (number | null)[] = [];
	const sorted: number[] = [];
	const out: ResultRow[] = new Array<ResultRow>(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i] as ResultRow;
		const v = typeof row.rssi_dbm === 'number' ? row.rssi_dbm : null;
		window.push(v);
		if (v !== null) sorted.splice(lowerBound(sorted, v), 0, v);
		if (window.length > 100) {
			const old = window.shift();
			if (old !== null && old !== undefined) sorted.splice(lowerBound(sorted, old), 1);
		}
		const p10 = sorted.length ? (sorted[discIndex(sorted.length, 0.1)] ?? null) : null;
		out[i] = { seq: row.seq ?? null, p10_dbm: p10 };
	}
	return out;
}

function lowerBound(xs: number[], v: number): number {
	let lo = 0;
	let hi = xs.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((xs[mid] as number) < v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Answer one simple question; `missionId` is used by the one-mission question only. */
export function askSqlite(db: Database, q: SimpleQuestionId, missionId: string): ResultRow[] {
	switch (q) {
		case 'p10-last-10s':
			return p10Last10s(db);
		case 'p10-per-mission':
			return p10PerMission(db);
		case 'regr-per-mission':
			return all(db, REGR_SQL);
		case 'grid-25m-per-mission':
			return all(db, GRID_SQL);
		case 'lag-delta-per-mission':
			return all(db, LAG_SQL);
		case 'rolling-p10-100':
			return rollingP10(db, missionId);
	}
}
