/**
 * Shapes shared by the analytics bench: the hidden /bench page measures, `npm run bench`
 * (src/node/bench-analytics.ts) drives it through `window.pisadBench` and prints the table.
 */

/** A result cell as both engines return it (DuckDB rows through the facade, sql.js values). */
export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };

export type ResultRow = Record<string, Cell>;

/** Median of `runsMs` after one warm-up run, each run one worker round trip. */
export interface Timing {
	medianMs: number;
	runsMs: number[];
	warmupMs: number;
	/** Rows the question returned (last run). */
	rows: number;
}

/** One question at one library size. */
export interface QuestionResult {
	id: string;
	label: string;
	duck: Timing;
	/** Absent when SQLite does not answer this question in the bench. */
	sqlite?: Timing;
	/** Cross-check of the two engines' answers (to 1e-6), absent for DuckDB-only questions. */
	check?: { ok: boolean; note: string };
	/** Seed target in ms (noise floor < 10, gradient < 20), when the question has one. */
	targetMs?: number;
}

export interface LoadTiming {
	/** DuckDB: ingest (Parquet decoded in JS, Arrow insert, every contract table). */
	duckMs: number;
	/** SQLite: Parquet decode in the worker (hyparquet) + insert. */
	sqliteMs: number;
	/** SQLite: the insert transaction alone (prepared statements, indexes kept up to date). */
	sqliteInsertMs: number;
	/** Fetching the Parquet files from localhost (not counted in either load). */
	fetchMs: number;
	rssiRows: number;
	telemetryRows: number;
	parquetBytes: number;
}

/** Everything measured at one library size (one fresh page, one fresh engine of each kind). */
export interface SizeResult {
	missions: number;
	duckVersion: string;
	sqliteVersion: string;
	load: LoadTiming;
	questions: QuestionResult[];
	/** Renderer JS heap after the run, MB (performance.memory; null where unavailable). */
	jsHeapMb: number | null;
}

export interface SizeRequest {
	/** Base URL of the mission folders, ending in '/'. */
	dataBase: string;
	/** Mission folder names (= mission ids) under dataBase. */
	missions: string[];
	/** Timed runs per question after the warm-up. */
	runs: number;
	/** A question whose warm-up took longer than this many ms gets `slowRuns` runs instead. */
	slowMs: number;
	slowRuns: number;
}

/** Ways of getting a Pi mission into the tab, measured by the Pi-download bench (pi-fetch.ts). */
export const PI_FETCH_WAYS = [
	'whole .duckdb',
	'whole Parquet',
	'range .duckdb (ATTACH over HTTP)',
	'range Parquet (hyparquet)',
	'summary: Parquet footers',
	'summary: .duckdb ATTACH over HTTP',
	"app's choice (footers + 256 KiB probe → planPiFetch)"
] as const;
export type PiFetchWay = (typeof PI_FETCH_WAYS)[number];

export interface PiFetchRequest {
	http: string;
	missionId: string;
	way: PiFetchWay;
}

export interface PiFetchResult {
	ms: number;
	/** RSSI rows in the engine afterwards (or counted by the summary). */
	rssiRows: number;
	missions: number;
	/** The way the app's rule picked (only for the app's-choice row). */
	picked?: string;
	/**
	 * The page's long tasks (≥ 50 ms on the main thread) during the run: the longest and their
	 * sum, in ms (0 when none; null where the browser has no 'longtask' entries).
	 */
	longestTaskMs?: number | null;
	longTasksMs?: number | null;
}

/** What the bench page puts on `window` for the headless driver. */
export interface BenchHook {
	runSize(req: SizeRequest): Promise<SizeResult>;
	runPiFetch(req: PiFetchRequest): Promise<PiFetchResult>;
}

declare global {
	interface Window {
		pisadBench?: BenchHook;
	}
}
