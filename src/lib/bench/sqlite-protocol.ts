/**
 * Typed messages between the bench page and the sql.js worker (sqlite.worker.ts). Errors travel
 * as plain strings, like duckdb-wasm's worker protocol.
 */
import type { ResultRow } from './types';

/** The simple questions SQLite answers (see simple-questions.ts for their DuckDB side). */
export type SimpleQuestionId =
	| 'p10-last-10s'
	| 'p10-per-mission'
	| 'regr-per-mission'
	| 'grid-25m-per-mission'
	| 'lag-delta-per-mission'
	| 'rolling-p10-100';

/** One mission's Parquet bytes for the two tables the SQLite questions read. */
export interface MissionParquet {
	rssi_sample: ArrayBuffer;
	vehicle_telemetry: ArrayBuffer;
}

export type SqliteRequest =
	| { id: number; kind: 'load'; missions: MissionParquet[] }
	| { id: number; kind: 'ask'; question: SimpleQuestionId; missionId: string };

export interface LoadReply {
	version: string;
	decodeMs: number;
	insertMs: number;
	rssiRows: number;
	telemetryRows: number;
}

export type SqliteReply =
	| { id: number; ok: true; load: LoadReply }
	| { id: number; ok: true; rows: ResultRow[] }
	| { id: number; ok: false; error: string };
