/**
 * Splitting SQL scripts into statements, shared by both engines (browser and Node) and by
 * src/lib/queries/sql.ts. DuckDB-WASM runs one statement per prepared call, and the schema files
 * hold several separated by ';', so the split must respect strings, quoted identifiers,
 * dollar-quoted bodies and comments (a ';' inside any of them does not end a statement).
 */

/**
 * Split `text` on top-level ';'. Statements come back trimmed, without the ';'; pieces that hold
 * only comments or whitespace are dropped. Comments inside a statement are kept (harmless).
 */
export function splitSqlStatements(text: string): string[] {
	const out: string[] = [];
	let start = 0;
	let i = 0;
	const n = text.length;
	while (i < n) {
		const c = text[i];
		const next = text[i + 1];
		if (c === '-' && next === '-') {
			const end = text.indexOf('\n', i);
			i = end < 0 ? n : end + 1;
		} else if (c === '/' && next === '*') {
			const end = text.indexOf('*/', i + 2);
			i = end < 0 ? n : end + 2;
		} else if (c === "'" || c === '"') {
			i = skipQuoted(text, i, c);
		} else if (c === '$') {
			const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i, i + 64));
			if (tag) {
				const end = text.indexOf(tag[0], i + tag[0].length);
				i = end < 0 ? n : end + tag[0].length;
			} else i++;
		} else if (c === ';') {
			push(out, text.slice(start, i));
			start = ++i;
		} else i++;
	}
	push(out, text.slice(start));
	return out;
}

/** Index just past the closing quote; a doubled quote ('' or "") is an escaped one. */
function skipQuoted(text: string, i: number, quote: string): number {
	let j = i + 1;
	while (j < text.length) {
		if (text[j] === quote) {
			if (text[j + 1] === quote) j += 2;
			else return j + 1;
		} else j++;
	}
	return j;
}

function push(out: string[], piece: string): void {
	const trimmed = piece.trim();
	if (stripComments(trimmed).trim() !== '') out.push(trimmed);
}

/** Remove comments (only used to decide whether a piece is empty). */
function stripComments(s: string): string {
	return s.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

/**
 * Schema files run in file-name order, except that the contract DDL (contract_*.sql) runs first:
 * views and macros in other files (e.g. 20_positions.sql) need its tables, and '2' sorts before 'c'.
 */
export function sortSchemaPaths(paths: readonly string[]): string[] {
	const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
	const key = (p: string): string => (base(p).startsWith('contract_') ? '0' : '1') + base(p);
	return [...paths].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The app's tables live in an in-memory catalog with compression on: a 100-hour library's RSSI
 * and telemetry took 1.15 GB uncompressed and 0.36 GB compressed (native DuckDB 1.4.3, same
 * engine), for ~1.5× the insert time and queries as fast. `USE` is per connection, so every
 * connection runs USE_CATALOG.
 */
export const USE_CATALOG = 'USE pisad';
export const COMPRESSED_CATALOG = ["ATTACH ':memory:' AS pisad (COMPRESS)", USE_CATALOG];

/**
 * An engine of its own (a library import's) never checkpoints: its rows live in scratch catalogs
 * emptied every few chunks. Past the default 16 MB, each chunk's COMMIT checkpointed the catalog:
 * 150–500 ms of the wasm engine per chunk of 290 000 RSSI and 145 000 telemetry rows (Node, eight
 * chunks: 2.1 s of commits against 0.02 s). Unchecked, those rows take ~3× the memory until the
 * catalog is emptied (eight chunks: 761 against 253 MB).
 */
export const ISOLATED_SETTINGS = ["SET checkpoint_threshold = '1TB'"];

/**
 * Statements (split and trimmed, as splitSqlStatements returns them) as one text to run in one
 * exec: one worker round trip instead of one per statement. A newline before each ';' ends a
 * trailing line comment.
 */
export function oneScript(statements: readonly string[]): string {
	return statements.join('\n;\n');
}
