/**
 * What a file is, by its content first (magic bytes, CSV header, JSON shape) and its name second:
 * a recorder log renamed `.txt`, or a `.db` that is really DuckDB, still opens as what it is.
 */
import { isContractTable } from '$lib/contract';
import { isDuckDbFile } from './duckdb-header';
import { ANALYSIS_COLUMNS, RECORDER_COLUMNS } from './recorder';
import { STORY48_TABLES } from './story48-read';

/** Formats the loader routes on. */
export type FileKind =
	| 'empty'
	| 'not-database'
	| 'contract-parquet'
	| 'story48-parquet'
	| 'parquet'
	| 'duckdb'
	| 'sqlite'
	| 'recorder-csv'
	| 'analysis-csv'
	| 'logger-part'
	| 'csv'
	| 'recorder-json'
	| 'ws-jsonl'
	| 'export-sql'
	| 'unknown';

const LOGGER_PARTS = new Set(['telemetry.csv', 'rssi.csv', 'events.json', 'performance.csv']);

/** Classify one file. `folderHasLoadSql`: its folder holds an EXPORT DATABASE load.sql. */
export function detectKind(name: string, bytes: Uint8Array, folderHasLoadSql = false): FileKind {
	const base = (name.slice(name.lastIndexOf('/') + 1) || name).toLowerCase();
	if (bytes.length === 0) return 'empty';
	const head = String.fromCharCode(...bytes.subarray(0, 16));
	if (head.startsWith('PAR1')) {
		const table = base.replace(/\.parquet$/, '');
		if (folderHasLoadSql && (STORY48_TABLES as readonly string[]).includes(table))
			return 'story48-parquet';
		return isContractTable(table) ? 'contract-parquet' : 'parquet';
	}
	if (isDuckDbFile(bytes)) return 'duckdb';
	if (head === 'SQLite format 3\0') return 'sqlite';
	if (base === 'schema.sql' || base === 'load.sql') return 'export-sql';
	// Names alone for formats whose text has no signature of its own: a truncated .parquet or
	// .duckdb must still reach its loader to get a clear "truncated" error.
	if (/\.parquet$/.test(base)) return 'contract-parquet';
	if (/\.duckdb$/.test(base)) return 'duckdb';
	// A .db or .sqlite that is neither SQLite nor DuckDB: the user expected a database.
	if (/\.(db|sqlite3?)$/.test(base)) return 'not-database';
	const text = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
	const first = text.trimStart();
	if (first.startsWith('{')) {
		const line = first.split('\n', 1)[0] ?? '';
		return /"type"\s*:/.test(line)
			? 'ws-jsonl'
			: /"rssi_dbm"/.test(line)
				? 'recorder-json'
				: 'unknown';
	}
	if (first.startsWith('[')) {
		if (LOGGER_PARTS.has(base)) return 'logger-part';
		return /"rssi_dbm"\s*:/.test(text) && /"latitude"\s*:/.test(text) ? 'recorder-json' : 'unknown';
	}
	const header = (text.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '')
		.split(',')
		.map((h) => h.trim().replace(/^"|"$/g, ''));
	const has = (cols: readonly string[]): boolean => cols.every((c) => header.includes(c));
	if (has(RECORDER_COLUMNS)) return 'recorder-csv';
	if (has(ANALYSIS_COLUMNS)) return 'analysis-csv';
	if (LOGGER_PARTS.has(base)) return 'logger-part';
	if (header.length > 1 && /\.(csv|txt|tsv)$/.test(base)) return 'csv';
	if (/\.json(l)?$/.test(base)) return 'unknown';
	return header.length > 1 ? 'csv' : 'unknown';
}
