/**
 * The simple questions of the measured anchors, asked of both engines on the same rows: DuckDB
 * through the DB facade (SQL below), SQLite in the sql.js worker (sqlite-questions.ts). Both sides
 * return rows with the same columns, ordered the same way, so results cross-check to 1e-6.
 *
 * Percentiles everywhere are DuckDB's quantile_disc: the value at index ceil(n·q) − 1 of the sorted
 * non-null values (see sql/queries/signal/noise_floor_rolling.sql); SQLite picks that same index.
 * Kept in TypeScript, not sql/queries/: bench-only, and the two dialects belong side by side.
 */
import type { SimpleQuestionId } from './sqlite-protocol';
import { GRADIENT_TARGET_MS, NOISE_FLOOR_TARGET_MS } from './app-questions';

export interface SimpleQuestion {
	id: SimpleQuestionId;
	label: string;
	/** DuckDB SQL; `$1` is the mission id (only rolling-p10-100 uses it). */
	duckSql: string;
	/** Whether the SQL binds the mission id as $1. */
	perMission: boolean;
	targetMs?: number;
}

export const SIMPLE_QUESTIONS: SimpleQuestion[] = [
	{
		id: 'p10-last-10s',
		label: 'p10 of RSSI over the last 10 s (live window)',
		// In µs: TIMESTAMPTZ − INTERVAL needs the ICU extension, which the npm wasm builds lack.
		duckSql: `SELECT quantile_disc(rssi_dbm, 0.1) AS p10_dbm, count(rssi_dbm)::DOUBLE AS n
FROM rssi_sample
WHERE epoch_us(t) > (SELECT epoch_us(max(t)) FROM rssi_sample) - 10000000`,
		perMission: false,
		targetMs: NOISE_FLOOR_TARGET_MS
	},
	{
		id: 'p10-per-mission',
		label: 'p10 of RSSI per mission (GROUP BY)',
		duckSql: `SELECT mission_id, quantile_disc(rssi_dbm, 0.1) AS p10_dbm, count(rssi_dbm)::DOUBLE AS n
FROM rssi_sample GROUP BY mission_id ORDER BY mission_id`,
		perMission: false
	},
	{
		id: 'regr-per-mission',
		label: 'regr_slope and regr_r2 of RSSI over time, per mission',
		duckSql: `SELECT mission_id, regr_count(rssi_dbm, t_rel_s)::DOUBLE AS n,
	regr_slope(rssi_dbm, t_rel_s) AS slope_db_per_s, regr_r2(rssi_dbm, t_rel_s) AS r2
FROM rssi_sample GROUP BY mission_id ORDER BY mission_id`,
		perMission: false,
		targetMs: GRADIENT_TARGET_MS
	},
	{
		id: 'grid-25m-per-mission',
		label: '25 m grid (count, avg, max RSSI) per mission, position = last telemetry row',
		// ASOF: each sample takes the latest telemetry row at or before it (SQLite: a correlated
		// subquery on the (mission_id, t) index, the same rule).
		duckSql: `SELECT r.mission_id, floor(v.north_m / 25)::DOUBLE AS cell_i,
	floor(v.east_m / 25)::DOUBLE AS cell_j, count(*)::DOUBLE AS n, avg(r.rssi_dbm) AS rssi_avg_dbm,
	max(r.rssi_dbm) AS rssi_max_dbm
FROM rssi_sample r ASOF JOIN vehicle_telemetry v ON r.mission_id = v.mission_id AND r.t >= v.t
WHERE r.rssi_dbm IS NOT NULL AND v.north_m IS NOT NULL AND v.east_m IS NOT NULL
GROUP BY ALL ORDER BY r.mission_id, cell_i, cell_j`,
		perMission: false
	},
	{
		id: 'lag-delta-per-mission',
		label: 'LAG delta > 10 dB per mission (count, max rise)',
		duckSql: `SELECT mission_id, sum(CASE WHEN d > 10 THEN 1 ELSE 0 END)::DOUBLE AS jumps,
	max(d) AS max_delta_db, count(d)::DOUBLE AS n
FROM (SELECT mission_id, rssi_dbm - LAG(rssi_dbm) OVER (PARTITION BY mission_id ORDER BY seq) AS d
	FROM rssi_sample)
GROUP BY mission_id ORDER BY mission_id`,
		perMission: false
	},
	{
		id: 'rolling-p10-100',
		label: 'rolling p10 over the previous 100 samples, one 1-hour mission',
		duckSql: `SELECT seq::DOUBLE AS seq, quantile_disc(rssi_dbm, 0.1) OVER (
	ORDER BY seq ROWS BETWEEN 99 PRECEDING AND CURRENT ROW) AS p10_dbm
FROM rssi_sample WHERE mission_id = $1 ORDER BY seq`,
		perMission: true,
		targetMs: NOISE_FLOOR_TARGET_MS
	}
];
