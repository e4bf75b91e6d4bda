/**
 * Keeping a library import's settled chunks (see library-import.ts): their library rows (list
 * columns, KPIs, dwell) computed in one pass where their rows are, then their files and rows
 * stored, then their rows let go of.
 */
import { CONTRACT_TABLES } from '$lib/contract';
import { oneScript } from '$lib/db/schema';
import type { Db, Scratch } from '$lib/db/types';
import { contractColumns, narrowing, sameColumns, type Narrow } from '$lib/ingest/columns';
import { timed } from '$lib/perf';
import { ingest, type IngestResult, type NamedBytes } from '$lib/ingest';
import { missionKpiSql } from '$lib/queries/kpi-mission-kpis';
import { stateDwell } from '$lib/queries/kpi-state-dwell';
import { deleteMissions } from '$lib/queries/mission-delete';
import { missionList } from '$lib/queries/mission-list';
import { importCounts } from '$lib/queries/ingest-import-counts';
import type { TableCount } from '$lib/transforms/import-summary';
import type { ImportDeps } from './library-import';

/** A chunk loaded and not yet kept: its files and what the ingest made of them. */
export interface Chunk {
	files: NamedBytes[];
	result: IngestResult;
	/** Its missions' rows by their files' footers, shown until the settle counts them. */
	footerRows?: number;
}

/** A settled batch's library rows: list columns, KPIs and dwell, as SQL answered them. */
export interface LibraryRows {
	ids: string[];
	list: Awaited<ReturnType<typeof missionList>>;
	kpis: Awaited<ReturnType<typeof missionKpiSql>>;
	dwell: Awaited<ReturnType<typeof stateDwell>>;
	/** Rows and time span per table of the batch's missions (the import's summary). */
	counts: TableCount[];
}

/**
 * The only columns of the big tables that the library-row queries below and the import's counts
 * (sql/queries/ingest/import_counts.sql: rows and time span per table) read. A library import
 * decodes and writes no others: 4 of rssi_sample's 14 columns, 7 of vehicle_telemetry's 26, and
 * of the tables no library row reads, what their counts need (homing_step was 8 % of the bytes
 * decoded). The whole files are what is stored, and a mission opened later loads from them.
 * `library-reads.test.ts` holds these queries to the same answers as on the whole tables.
 */
export const LIBRARY_READS: Narrow = {
	rssi_sample: ['mission_id', 't', 't_rel_s', 'rssi_dbm'],
	vehicle_telemetry: ['mission_id', 't', 't_rel_s', 'lat_deg', 'lon_deg', 'north_m', 'east_m'],
	homing_step: ['mission_id', 't'],
	safety_event: ['mission_id', 't'],
	waypoint: ['mission_id'],
	search_pattern: ['mission_id']
};

/** The library rows and dwell of the chunks loaded since the last settle, in one pass. */
export async function libraryRows(
	db: Db,
	chunks: Chunk[],
	inTurn: <T>(run: () => Promise<T>) => Promise<T>
): Promise<LibraryRows> {
	const ids = chunks.flatMap((c) => c.result.missionIds);
	if (!ids.length) return { ids, list: [], kpis: [], dwell: [], counts: [] };
	const [list, kpis, dwell, counts] = await timed('import:library-rows', () =>
		inTurn(() => libraryQueries(db))
	);
	return { ids, list, kpis, dwell, counts };
}

/** The library rows' queries, over every mission `db` holds. */
function libraryQueries(db: Db) {
	return Promise.all([
		missionList(db),
		missionKpiSql(db, null),
		stateDwell(db, null),
		importCounts(db)
	]);
}

/** The demo missions' rows, this many times over, make the warm-up's chunk (~a settle's). */
export const WARM_COPIES = 6;

/**
 * A library import's scratch catalog in `db` (only the columns the library rows read: one
 * statement, one worker round trip), its columns known from `like` (the tab's engine).
 */
export async function importScratch(db: Db, like: Db = db): Promise<Scratch> {
	const narrow = narrowing(await contractColumns(like), LIBRARY_READS).join(';\n');
	const scratch = await (db.scratch as NonNullable<Db['scratch']>)(narrow ? [narrow] : []);
	sameColumns(scratch, like, LIBRARY_READS);
	return scratch;
}

// Scratch catalogs made ahead in a held engine, empty, for the import that takes the engine.
const made = new WeakMap<Db, Scratch>();

/** The scratch catalog made ahead in `db` (warmImport), once; null when there is none. */
export function scratchAhead(db: Db): Scratch | null {
	const s = made.get(db) ?? null;
	made.delete(db);
	return s;
}

/**
 * Ready an engine an import will take: a scratch catalog like the import's made in it (under
 * load, while the first files were read and decoded, making it took 0.44–0.54 s before the first
 * append), after a library import's work in it on `files` (the demo missions; none: the scratch
 * only), so the engine's code an import runs (Arrow appends, the library rows' queries) is
 * compiled before the files come. The scratch is left empty for `scratchAhead`. Once `taken`
 * is aborted (the import wants the engine), the steps left are skipped.
 */
export async function warmImport(db: Db, files: NamedBytes[], taken?: AbortSignal): Promise<void> {
	if (!db.scratch) return;
	const scratch = await importScratch(db);
	// Files that came while it ran are not kept waiting: it stops after the step it is in.
	const stop = () => taken?.aborted === true;
	try {
		if (files.length && !stop()) {
			await ingest(scratch, files, { known: [], knownOnly: true });
			// At a settle's scale: the demo missions' rows again under other ids, WARM_COPIES times.
			// On the four missions alone, the engine still compiled ~770 functions during a 100-hour
			// import and tiered up hot ones for 1.8 s of CPU: the code that only larger tables run
			// (more row groups, bigger sorts, joins and aggregates).
			if (!stop())
				await scratch.exec(
					oneScript(
						CONTRACT_TABLES.map(
							(t) =>
								`INSERT INTO "${t}" SELECT * EXCLUDE (k) REPLACE (mission_id || '~' || k AS mission_id)
								 FROM "${t}", range(1, ${WARM_COPIES}) AS r(k)`
						)
					)
				);
			if (!stop()) await libraryQueries(scratch);
			await scratch.empty();
		}
	} catch (e) {
		await scratch.close();
		throw e;
	}
	made.set(db, scratch);
}

/**
 * Keep settled chunks: their files and library rows stored, then their rows dropped from the
 * engine (`scratched`: they were in a scratch catalog, gone already).
 */
export async function keep(
	deps: ImportDeps,
	scratched: boolean,
	chunks: Chunk[],
	{ ids, list, kpis, dwell }: LibraryRows
): Promise<void> {
	const { stored } = deps;
	if (!ids.length) return;
	for (const c of chunks) await timed('import:hash', () => stored.stage(c.files, c.result.sources));
	await timed('import:store', () =>
		stored.commit(
			(id) => {
				const m = list.find((r) => r.mission_id === id);
				return m && ids.includes(id)
					? { ...(kpis.find((k) => k.mission_id === id) ?? {}), ...m }
					: undefined;
			},
			(id) =>
				dwell
					.filter((d) => d.mission_id === id)
					.map((d) => ({ state: d.state, dwell_s: d.dwell_s }))
		)
	);
	// Only what is safely stored leaves the engine (a refused write keeps the rows there): rows
	// in the app's catalog are deleted; a scratch catalog's went with it, so a refused write
	// loads its files into the app's catalog instead.
	const kept = ids.filter((id) => stored.has(id));
	if (scratched) {
		const lost = chunks.filter((c) => c.result.missionIds.some((id) => !stored.has(id)));
		const files = lost.flatMap((c) => c.files);
		if (files.length) await deps.inTurn(() => ingest(deps.db, files));
	} else if (kept.length)
		await timed('import:drop-rows', () => deps.inTurn(() => deleteMissions(deps.db, kept)));
}
