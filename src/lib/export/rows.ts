/**
 * Query rows → CSV, JSON or Parquet bytes, all in JS (the npm DuckDB-WASM has no parquet or json
 * extension, and `COPY ... TO` would need them). Pure: no DOM, no DB.
 *
 * Values are the app's row values (see $lib/db/arrow): TIMESTAMPTZ arrives as epoch milliseconds,
 * so time columns are numbers here; Parquet keeps them as DOUBLE ms, CSV/JSON as numbers too, and
 * a column named `t`/`*_at` is also written as an ISO string column next to it in CSV (people open
 * CSV in spreadsheets).
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';

/** A cell as it comes from the DB facade. */
export type Cell = unknown;
/** Any row object (typed query rows have no index signature, hence `object`). */
export type ExportRow = object;
const get = (r: ExportRow, k: string): Cell => (r as Record<string, Cell>)[k];

/**
 * Column names in first-seen order (rows may omit keys). Query rows all share one shape, so the
 * first 1000 rows decide; that keeps a million-row export from walking every key twice.
 */
export function columnsOf(rows: readonly ExportRow[]): string[] {
	const seen = new Set<string>();
	for (const r of rows.slice(0, 1000)) for (const k of Object.keys(r)) seen.add(k);
	return [...seen];
}

function csvCell(v: Cell): string {
	if (v === null || v === undefined) return '';
	const s =
		typeof v === 'string'
			? v
			: typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
				? String(v)
				: JSON.stringify(v);
	// RFC 4180: quote fields holding a comma, quote, CR or LF; double inner quotes. A leading
	// = + - @ is left alone on purpose: these are numbers and data, not formulas to defuse.
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function rowsToCsv(rows: readonly ExportRow[], columns = columnsOf(rows)): string {
	const out = [columns.map(csvCell).join(',')];
	for (const r of rows) out.push(columns.map((c) => csvCell(get(r, c))).join(','));
	return out.join('\r\n') + '\r\n';
}

/** A JSON array of row objects (NaN/Infinity become null, as JSON has neither). */
export function rowsToJson(rows: readonly ExportRow[], space = 0): string {
	return JSON.stringify(
		rows,
		(_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
		space
	);
}

type Kind = 'DOUBLE' | 'BOOLEAN' | 'STRING' | 'JSON';

/** The Parquet type of a column: the one JS type all its non-null values share. */
export function columnKind(rows: readonly ExportRow[], name: string): Kind {
	let kind: Kind | null = null;
	for (const r of rows) {
		const v = get(r, name);
		if (v === null || v === undefined) continue;
		const k: Kind =
			typeof v === 'number' || typeof v === 'bigint'
				? 'DOUBLE'
				: typeof v === 'boolean'
					? 'BOOLEAN'
					: typeof v === 'string'
						? 'STRING'
						: 'JSON';
		if (kind === null) kind = k;
		else if (kind !== k) return 'JSON';
	}
	return kind ?? 'STRING';
}

/** Parquet (one row group per 100k rows, snappy) with every column nullable. */
export function rowsToParquet(
	rows: readonly ExportRow[],
	columns = columnsOf(rows),
	metadata: Record<string, string> = {}
): Uint8Array {
	const columnData: ColumnSource[] = columns.map((name) => {
		const kind = columnKind(rows, name);
		const data = rows.map((r) => {
			const v = get(r, name);
			if (v === null || v === undefined) return null;
			if (kind === 'DOUBLE') return Number(v);
			if (kind === 'JSON') return typeof v === 'string' ? v : JSON.stringify(v);
			return v;
		});
		return { name, data, type: kind === 'JSON' ? 'STRING' : kind, nullable: true };
	});
	const buf = parquetWriteBuffer({
		columnData,
		rowGroupSize: 100_000,
		kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value }))
	});
	return new Uint8Array(buf);
}

/** A file name safe on every OS, from free text (mission names come from data files). */
export function safeFileName(name: string, ext: string): string {
	const stem =
		name
			.normalize('NFKD')
			.replace(/[^\w.-]+/g, '-')
			.replace(/^[.-]+|[.-]+$/g, '')
			.slice(0, 80) || 'export';
	return `${stem}.${ext}`;
}
