/**
 * Pure helpers of the SQL console: parameter slots of a statement, typed parameter values from
 * the inputs, the line an engine error points at, the schema list grouped by table, the visible
 * window of the virtualised grid, and cell text.
 */

/** The highest `$n` placeholder in `sql`, ignoring string literals and comments (0 = none). */
export function paramCount(sql: string): number {
	const bare = sql
		.replace(/--[^\n]*/g, '')
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/'(?:[^']|'')*'/g, "''")
		.replace(/"(?:[^"]|"")*"/g, '""');
	let n = 0;
	for (const m of bare.matchAll(/\$(\d+)/g)) n = Math.max(n, Number(m[1]));
	return n;
}

/** A console parameter: blank or NULL → null, a number → number, true/false, else the text. */
export function parseParam(text: string): string | number | boolean | null {
	const s = text.trim();
	if (s === '' || /^null$/i.test(s)) return null;
	if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
	if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number(s);
	return text;
}

/** The 1-based line DuckDB's message points at ("LINE 3: ..."), or null. */
export function errorLine(message: string): number | null {
	const m = /LINE (\d+):/.exec(message);
	return m ? Number(m[1]) : null;
}

/** Character offset of the start of `line` (1-based) in `text`. */
export function lineOffset(text: string, line: number): number {
	let at = 0;
	for (let i = 1; i < line; i++) {
		const next = text.indexOf('\n', at);
		if (next < 0) return at;
		at = next + 1;
	}
	return at;
}

export interface SchemaColumnLike {
	table_schema: string;
	table_name: string;
	table_type: string;
	column_name: string;
	data_type: string;
}

export interface SchemaTable {
	/** Qualified when not in the default schema. */
	name: string;
	kind: 'table' | 'view';
	columns: { name: string; type: string }[];
}

/** information_schema rows → one entry per table, tables before views, in query order. */
export function groupSchema(rows: readonly SchemaColumnLike[]): SchemaTable[] {
	const byName = new Map<string, SchemaTable>();
	for (const r of rows) {
		const name = r.table_schema === 'main' ? r.table_name : `${r.table_schema}.${r.table_name}`;
		let t = byName.get(name);
		if (!t) {
			t = { name, kind: r.table_type === 'VIEW' ? 'view' : 'table', columns: [] };
			byName.set(name, t);
		}
		t.columns.push({ name: r.column_name, type: r.data_type });
	}
	const all = [...byName.values()];
	return [...all.filter((t) => t.kind === 'table'), ...all.filter((t) => t.kind === 'view')];
}

export interface GridWindow {
	/** Height of the scroll spacer, px (capped: browsers cannot lay out taller elements). */
	spacer: number;
	first: number;
	/** One past the last row to render. */
	last: number;
	/** How far the first rendered row is scrolled above the viewport top, px. */
	offset: number;
}

/** Browsers cap element height (Firefox ~17.9 M px); past this the scrollbar is scaled. */
export const MAX_SPACER_PX = 8_000_000;

/**
 * The rows to render for a scroll position: only those in view (plus one), whatever the total.
 * With more rows than fit in MAX_SPACER_PX, scroll position maps proportionally onto row space.
 */
export function gridWindow(
	scrollTop: number,
	viewHeight: number,
	rowHeight: number,
	total: number,
	maxPx = MAX_SPACER_PX
): GridWindow {
	const full = total * rowHeight;
	const spacer = Math.min(full, maxPx);
	const maxScroll = Math.max(0, spacer - viewHeight);
	const realMax = Math.max(0, full - viewHeight);
	const top = Math.min(Math.max(0, scrollTop), maxScroll);
	const realTop = maxScroll > 0 ? (top / maxScroll) * realMax : 0;
	const first = Math.min(Math.max(0, total - 1), Math.floor(realTop / rowHeight));
	const count = Math.ceil(viewHeight / rowHeight) + 1;
	return {
		spacer,
		first: Math.max(0, first),
		last: Math.min(total, first + count),
		offset: realTop - first * rowHeight
	};
}

/** Cell text: numbers as is (integers without decimals), objects as JSON, NULL as ''. */
export function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(+v.toPrecision(10));
	if (typeof v === 'string') return v;
	if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
	return JSON.stringify(v);
}
