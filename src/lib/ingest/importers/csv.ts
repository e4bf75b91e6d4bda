/**
 * A small RFC 4180 CSV reader for the Pi's CSV files. Known formats are parsed here rather than
 * with DuckDB's read_csv so each column gets the Pi's own meaning (`True`/`False`, epoch seconds,
 * naive and zoned ISO times mixed) and bad cells become data-quality notes, not a failed load.
 * Unknown CSVs go through read_csv (see user-table.ts), which sniffs types.
 */

/** A parsed CSV: header, rows of cells, and the leading `#` comment lines. */
export interface Csv {
	header: string[];
	rows: string[][];
	comments: string[];
}

/** Parse CSV text. Lines starting with '#' before the header are comments; blank lines skipped. */
export function parseCsv(text: string): Csv {
	const records = splitRecords(text.replace(/^\uFEFF/, ''));
	const comments: string[] = [];
	while (records.length && records[0]!.raw.startsWith('#')) comments.push(records.shift()!.raw);
	const header = (records.shift()?.cells ?? []).map((h) => h.trim());
	return { header, rows: records.map((r) => r.cells), comments };
}

/** Rows as objects keyed by header (missing cells are ''). */
export function csvObjects(csv: Csv): Record<string, string>[] {
	return csv.rows.map((cells) => {
		const o: Record<string, string> = {};
		csv.header.forEach((h, i) => (o[h] = cells[i] ?? ''));
		return o;
	});
}

function splitRecords(text: string): { raw: string; cells: string[] }[] {
	const out: { raw: string; cells: string[] }[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let start = 0;
	const end = (i: number): void => {
		cells.push(cell);
		const raw = text.slice(start, i);
		if (raw.trim() !== '') out.push({ raw, cells });
		cells = [];
		cell = '';
		start = i + 1;
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			cells.push(cell);
			cell = '';
		} else if (c === '\n') end(i);
		else if (c !== '\r') cell += c;
	}
	if (cell !== '' || cells.length) end(text.length);
	return out;
}

/** A number from a cell; '' and non-numbers are null. NaN/Inf strings stay NaN/±Infinity. */
export function num(v: unknown): number | null {
	if (typeof v === 'number') return v;
	if (typeof v === 'boolean') return v ? 1 : 0;
	if (typeof v !== 'string') return null;
	const s = v.trim();
	if (s === '') return null;
	if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
	if (/^nan$/i.test(s)) return NaN;
	const n = Number(s);
	return Number.isNaN(n) ? null : n;
}

/** A boolean from `True`/`False`, `true`, `1`/`0`, `yes`/`no`; anything else null. */
export function bool(v: unknown): boolean | null {
	if (typeof v === 'boolean') return v;
	if (typeof v === 'number') return v !== 0;
	if (typeof v !== 'string') return null;
	const s = v.trim().toLowerCase();
	if (['true', '1', 'yes', 't', 'y'].includes(s)) return true;
	if (['false', '0', 'no', 'f', 'n'].includes(s)) return false;
	return null;
}

/** A trimmed string, '' → null. */
export function str(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	const s = String(v).trim();
	return s === '' ? null : s;
}
