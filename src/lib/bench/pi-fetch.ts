/**
 * The Pi-download bench (issue 6): one way of getting a recorded mission from the Pi into this
 * tab's DuckDB, timed from the click to rows queryable. `npm run bench` (src/node/bench-pi.ts)
 * runs each way in a fresh page against the Pi simulator, on localhost and over a slow link.
 */
import { openBrowserDb, type Db } from '$lib/db';
import { ingest, ingestDuckDbUrl, ingestRanged } from '$lib/ingest';
import { warmParquetDecoder } from '$lib/ingest/parquet-offthread';
import {
	downloadPiMission,
	duckdbFile,
	listPiMissions,
	parquetFiles,
	piRangeFiles,
	planPiFetch,
	readPiMissionSummary
} from '$lib/live/pi-missions';
import { measureLinkKbps } from '$lib/live/range';
import type { PiFetchRequest, PiFetchResult } from './types';

export async function runPiFetch(req: PiFetchRequest): Promise<PiFetchResult> {
	const db = await openBrowserDb();
	// As the app does once its engine is up: the Parquet decoding workers start before a click.
	warmParquetDecoder();
	const tasks = watchLongTasks();
	try {
		return { ...(await run(db, req)), ...tasks.result() };
	} finally {
		tasks.stop();
	}
}

/** The main thread's long tasks from now on (what janks the live panels during a download). */
function watchLongTasks(): {
	result(): Pick<PiFetchResult, 'longestTaskMs' | 'longTasksMs'>;
	stop(): void;
} {
	const seen: number[] = [];
	if (!PerformanceObserver.supportedEntryTypes?.includes('longtask'))
		return { result: () => ({ longestTaskMs: null, longTasksMs: null }), stop: () => undefined };
	const obs = new PerformanceObserver((l) => seen.push(...l.getEntries().map((e) => e.duration)));
	obs.observe({ type: 'longtask' });
	return {
		result() {
			seen.push(...obs.takeRecords().map((e) => e.duration));
			return {
				longestTaskMs: seen.length ? Math.max(...seen) : 0,
				longTasksMs: seen.reduce((a, b) => a + b, 0)
			};
		},
		stop: () => obs.disconnect()
	};
}

async function run(db: Db, req: PiFetchRequest): Promise<PiFetchResult> {
	const list = await listPiMissions(req.http);
	const m = list.find((x) => x.id === req.missionId);
	if (!m) throw new Error(`bench: the Pi has no mission ${req.missionId}`);
	const count = async () =>
		(await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM rssi_sample'))[0]?.n ?? 0;
	const t0 = performance.now();
	let ids: string[] = [];
	const noop = () => undefined;
	const way = req.way;
	if (way === 'whole .duckdb' || way === 'whole Parquet') {
		const db1 = duckdbFile(m);
		const files = way === 'whole .duckdb' ? (db1 ? [db1] : []) : parquetFiles(m);
		const got = await downloadPiMission(req.http, m, noop, fetch, files);
		ids = (await ingest(db, got)).missionIds;
	} else if (way === 'range .duckdb (ATTACH over HTTP)') {
		const f = duckdbFile(m);
		if (!f) throw new Error('bench: no .duckdb');
		ids = (await ingestDuckDbUrl(db, f.name, new URL(f.url, req.http).href)).missionIds;
	} else if (way === 'range Parquet (hyparquet)') {
		ids = (await ingestRanged(db, piRangeFiles(req.http, m, noop))).missionIds;
	} else if (way.startsWith("app's choice")) {
		// What the live page does: footers for the list, one probe read, then the plan's way.
		const s = await readPiMissionSummary(req.http, m);
		const d = duckdbFile(m);
		const kbps = d ? await measureLinkKbps(new URL(d.url, req.http).href) : null;
		const plan = planPiFetch(m, { ranges: s?.ranges ?? null, kbps });
		if (plan.way === 'range-parquet')
			ids = (await ingestRanged(db, piRangeFiles(req.http, m, noop))).missionIds;
		else
			ids = (await ingest(db, await downloadPiMission(req.http, m, noop, fetch, plan.files)))
				.missionIds;
		const ms = performance.now() - t0;
		const picked =
			plan.way === 'range-parquet'
				? 'range Parquet'
				: `whole ${plan.files.length === 1 ? '.duckdb' : 'Parquet'}`;
		return {
			ms,
			rssiRows: await count(),
			missions: ids.length,
			picked: `${picked}, probe ${((kbps ?? 0) / 1000).toFixed(0)} Mbit/s`
		};
	} else if (way === 'summary: Parquet footers') {
		const s = await readPiMissionSummary(req.http, m);
		return { ms: performance.now() - t0, rssiRows: s?.rssiSamples ?? 0, missions: 0 };
	} else {
		const f = duckdbFile(m);
		if (!f || !db.registerUrl) throw new Error('bench: no .duckdb');
		await db.registerUrl('bench_remote.duckdb', new URL(f.url, req.http).href);
		await db.exec(`ATTACH 'bench_remote.duckdb' AS bench_remote (READ_ONLY)`);
		const r = await db.query<{ n: number; lo: number; hi: number }>(
			'SELECT count(*)::DOUBLE AS n, min(t) AS lo, max(t) AS hi FROM bench_remote.rssi_sample'
		);
		await db.exec('DETACH bench_remote');
		return { ms: performance.now() - t0, rssiRows: r[0]?.n ?? 0, missions: 0 };
	}
	const ms = performance.now() - t0;
	return { ms, rssiRows: await count(), missions: ids.length };
}
