/**
 * DuckDB errors turned into values a person can act on: which file, what is wrong, what to do.
 * A `DbError` is a real Error (so stacks survive) that serialises to plain data (`toJSON`) for
 * worker messages, logs and UI state. The raw engine message is kept in `detail`.
 */

/** What went wrong, coarsely: lets the UI pick an icon or a retry action. */
export type DbErrorKind =
	| 'not-parquet'
	| 'corrupt-parquet'
	| 'not-duckdb'
	| 'missing-table'
	| 'missing-extension'
	| 'conversion'
	| 'constraint'
	| 'out-of-memory'
	| 'sql'
	| 'io'
	| 'unknown';

/** The plain, serialisable shape of a DbError. */
export interface DbErrorData {
	kind: DbErrorKind;
	/** One sentence for a person: what is wrong. */
	message: string;
	/** The engine's own message, for a bug report. */
	detail: string;
	/** What to do about it. */
	hint: string;
	sql?: string;
	file?: string;
}

/** Context that makes an error actionable: the statement and/or the file being read. */
export interface DbErrorContext {
	sql?: string;
	file?: string;
}

export class DbError extends Error implements DbErrorData {
	override readonly name = 'DbError';
	readonly kind: DbErrorKind;
	readonly detail: string;
	readonly hint: string;
	readonly sql?: string;
	readonly file?: string;

	constructor(data: DbErrorData) {
		super(data.message);
		this.kind = data.kind;
		this.detail = data.detail;
		this.hint = data.hint;
		if (data.sql !== undefined) this.sql = data.sql;
		if (data.file !== undefined) this.file = data.file;
	}

	toJSON(): DbErrorData {
		const { kind, message, detail, hint, sql, file } = this;
		return { kind, message, detail, hint, ...(sql ? { sql } : {}), ...(file ? { file } : {}) };
	}
}

type Rule = {
	test: RegExp;
	kind: DbErrorKind;
	message: (m: RegExpExecArray, what: string) => string;
	hint: string;
};

const RULES: Rule[] = [
	{
		test: /out of memory|Out of Memory Error|Aborted\(OOM\)|Cannot enlarge memory|Failed to allocate|memory access out of bounds/i,
		kind: 'out-of-memory',
		message: (_m, what) => `${what} is too large for this tab (the engine ran out of memory)`,
		hint: 'Close other missions or browser tabs and try again, or load fewer or shorter missions at once.'
	},
	{
		test: /No magic bytes found|not a parquet file|footer != PAR1|parquet file (?:invalid|too short)|Invalid Parquet|parquet metadata|parquet file length|parquet expected/i,
		kind: 'not-parquet',
		message: (_m, what) => `${what} is not a Parquet file or is truncated`,
		hint: 'Check that the download or copy finished, or export the mission again from the Pi or the simulator.'
	},
	{
		// The footer read but a compressed page does not decode: the file itself is damaged.
		test: /missing eof marker|invalid snappy|snappy|zstd|decompress|invalid (?:page|dictionary)|page header|unknown compression/i,
		kind: 'corrupt-parquet',
		message: (_m, what) =>
			`${what} is a Parquet file whose data is damaged (a compressed page does not decode)`,
		hint: 'The file itself is corrupt, so opening it again will not help: copy it again from the Pi or from where it was made, or export the mission again. The other files were loaded.'
	},
	{
		test: /not a valid DuckDB database file|Cannot launch in-memory database in read-only mode|database file .* (?:is not|has an invalid|is corrupt)|Serialization Error|checksum/i,
		kind: 'not-duckdb',
		message: (_m, what) => `${what} is not a DuckDB database file or is truncated`,
		hint: 'Check that the copy finished, or export the mission again (a .duckdb written by DuckDB 1.4).'
	},
	{
		test: /exists in the (\w+) extension/i,
		kind: 'missing-extension',
		message: (m) =>
			`This needs the DuckDB "${m[1] ?? '?'}" extension, which this offline app does not load`,
		hint: 'This is a bug in the query or the loader: report it with the details below.'
	},
	{
		test: /Catalog Error: Table with name "?([\w.]+)"? does not exist/i,
		kind: 'missing-table',
		message: (m) => `Table "${m[1] ?? '?'}" does not exist`,
		hint: 'Load a mission first; if one is loaded, the database was opened without the contract schema (a bug).'
	},
	{
		test: /Conversion Error: ([^\n]*)/,
		kind: 'conversion',
		message: (m, what) => `${what} holds a value of the wrong type: ${m[1] ?? ''}`.trim(),
		hint: 'Check that the columns match data contract v1 (sql/schema/contract_v1.sql), or export the mission again.'
	},
	{
		test: /Constraint Error: ([^\n]*)/,
		kind: 'constraint',
		message: (m) => `The data breaks a rule of the contract: ${m[1] ?? ''}`.trim(),
		hint: 'A mission_id must be unique and required columns (mission_id, t, t_rel_s) must be present.'
	},
	{
		test: /(Parser|Binder) Error: ([^\n]*)/,
		kind: 'sql',
		message: (m) => `A query is wrong (${(m[1] ?? '').toLowerCase()}): ${m[2] ?? ''}`.trim(),
		hint: 'This is a bug in a .sql file under sql/: report it with the statement below.'
	},
	{
		test: /IO Error: ([^\n]*)/,
		kind: 'io',
		message: (m, what) => `${what} could not be read: ${m[1] ?? ''}`.trim(),
		hint: 'Check that the file or URL exists and is reachable, then try again.'
	}
];

/** Turn anything thrown by an engine (or a file decoder) into a DbError with a hint. */
export function toDbError(e: unknown, context: DbErrorContext = {}): DbError {
	if (e instanceof DbError) return e;
	const detail = errorMessage(e);
	const what = context.file ?? 'the data';
	for (const rule of RULES) {
		const m = rule.test.exec(detail);
		if (m) return build(rule.kind, rule.message(m, what), detail, rule.hint, context);
	}
	const first = detail.split('\n')[0] ?? detail;
	return build(
		'unknown',
		first,
		detail,
		'Try again; if it keeps failing, report it with the details.',
		context
	);
}

function build(
	kind: DbErrorKind,
	message: string,
	detail: string,
	hint: string,
	ctx: DbErrorContext
): DbError {
	return new DbError({ kind, message, detail, hint, ...ctx });
}

/** The message of whatever was thrown (Error, string, or a plain {message} from a worker). */
export function errorMessage(e: unknown): string {
	if (e instanceof Error) return e.message;
	if (typeof e === 'string') return e;
	if (e && typeof e === 'object' && 'message' in e) return String(e.message);
	return String(e);
}
