/** The analytics bench's markdown: one row per question, DuckDB / SQLite / ratio per size. */
import type { QuestionResult, SizeResult, Timing } from './types';

/** 3.2 ms, 41 ms, 1.56 s. */
export function fmtMs(ms: number): string {
	if (!Number.isFinite(ms)) return '—';
	if (ms < 10) return `${ms.toFixed(1)} ms`;
	if (ms < 1000) return `${ms.toFixed(0)} ms`;
	return `${(ms / 1000).toFixed(2)} s`;
}

/** SQLite ÷ DuckDB: above 1, DuckDB is faster. */
function fmtRatio(duckMs: number, sqliteMs: number): string {
	const r = sqliteMs / duckMs;
	if (!Number.isFinite(r)) return '—';
	return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(1)}×`;
}

/** The median, marked † when the slow rule cut it to fewer runs. */
function cell(t: Timing | undefined, runs: number): string {
	if (!t) return '—';
	return `${fmtMs(t.medianMs)}${t.runsMs.length < runs ? '†' : ''}`;
}

function targetCell(label: string, byHours: [number, QuestionResult][], targetMs: number): string {
	const marks = byHours.map(([h, q]) => `${q.duck.medianMs < targetMs ? '✓' : '✗'} ${h} h`);
	return `< ${targetMs} ms (${label}): ${marks.join(', ')}`;
}

/**
 * `sizes` were measured (results keyed by hours); sizes in `allSizes` but not measured get
 * "not run" columns, so the table always shows 1 h, 10 h and 100 h.
 */
export function formatTable(
	head: string[],
	sizes: number[],
	results: Map<number, SizeResult>,
	allSizes: number[],
	runs = 5
): string {
	const cols = allSizes.flatMap((h) => [`${h} h DuckDB`, `${h} h SQLite`, 'ratio']);
	const lines = [
		`| question | ${cols.join(' | ')} | check | target |`,
		`|---|${cols.map(() => '---:').join('|')}|---|---|`
	];
	const notRun = (h: number): string[] => [h === 100 ? 'not run (--quick)' : 'not run', '', ''];
	const load = allSizes.flatMap((h) => {
		const r = results.get(h)?.load;
		if (!r) return notRun(h);
		return [
			fmtMs(r.duckMs),
			`${fmtMs(r.sqliteMs)} (insert ${fmtMs(r.sqliteInsertMs)})`,
			fmtRatio(r.duckMs, r.sqliteMs)
		];
	});
	lines.push(
		`| load rows into the engine (not like for like: DuckDB all tables, SQLite two; see notes) | ${load.join(' | ')} | | |`
	);
	const first = results.get(sizes[0] ?? 1);
	for (const q0 of first?.questions ?? []) {
		const byHours: [number, QuestionResult][] = [];
		const cells = allSizes.flatMap((h) => {
			const q = results.get(h)?.questions.find((x) => x.id === q0.id);
			if (!q) return notRun(h);
			byHours.push([h, q]);
			return [
				cell(q.duck, runs),
				q.sqlite ? cell(q.sqlite, runs) : '—',
				q.sqlite ? fmtRatio(q.duck.medianMs, q.sqlite.medianMs) : ''
			];
		});
		const bad = byHours.filter(([, q]) => q.check && !q.check.ok);
		const check = !q0.check
			? 'DuckDB only'
			: bad.length === 0
				? '✓'
				: `✗ ${bad.map(([h, q]) => `${h} h: ${q.check?.note}`).join('; ')}`;
		const target =
			q0.targetMs === undefined
				? ''
				: targetCell(q0.targetMs === 10 ? 'noise floor' : 'gradient', byHours, q0.targetMs);
		lines.push(`| ${q0.label} | ${cells.join(' | ')} | ${check} | ${target} |`);
	}
	return [...head, '', lines.join('\n'), '', ...notes(sizes, results, runs)].join('\n');
}

function notes(sizes: number[], results: Map<number, SizeResult>, runs: number): string[] {
	const any = results.get(sizes[0] ?? 1);
	const per = sizes.map((h) => {
		const r = results.get(h);
		if (!r) return `${h} h: not run`;
		const l = r.load;
		return (
			`${h} h: ${r.missions} sorties, ${l.rssiRows.toLocaleString('en')} RSSI rows + ` +
			`${l.telemetryRows.toLocaleString('en')} telemetry rows, ` +
			`${(l.parquetBytes / 1e6).toFixed(1)} MB Parquet fetched in ${fmtMs(l.fetchMs)}` +
			(r.jsHeapMb !== null ? `, page JS heap ${r.jsHeapMb.toFixed(0)} MB after` : '')
		);
	});
	return [
		`Engines: DuckDB-WASM ${any?.duckVersion ?? '?'} (app facade, worker) and SQLite ` +
			`${any?.sqliteVersion ?? '?'} (sql.js 1.16.0, own worker). Each cell: median of ${runs} runs ` +
			'after a warm-up, measured in the page, each run at least one worker round trip and the ' +
			`conversion of the answer to JS rows; † = warm-up over 3 s, so median of 3. ratio = SQLite ÷ ` +
			'DuckDB (above 1: DuckDB faster). check: both answers equal to 1e-6.',
		'Load: DuckDB = the app ingest (ingest(): every contract table decoded from Parquet in ' +
			'JS, handed over as Arrow, one transaction per mission); SQLite = rssi_sample and ' +
			'vehicle_telemetry decoded with hyparquet in its worker and inserted in one transaction of ' +
			'prepared statements (rssi_sample WITHOUT ROWID on (mission_id, seq), index on t; telemetry ' +
			'indexed on (mission_id, t)); "insert" is that transaction alone.',
		'App queries (signal-*, spatial-*, kpi-*, mission-summary, track, rssi-series) run through ' +
			"their typed wrappers for ONE mission (the review page's view) while the whole library is " +
			'loaded; "(all missions)" runs over every mission. SQLite does not express them (windowed ' +
			'quantiles, ASOF-style merges, regr_*, list aggregates); the simple questions below them ' +
			'are the engine comparison. Targets are the seed\u2019s (story 4.8), checked on DuckDB medians.',
		...per.map((p) => `- ${p}`)
	];
}
