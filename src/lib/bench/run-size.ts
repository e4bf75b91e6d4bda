/**
 * One library size, measured in this tab: fetch the missions' Parquet files, load them into
 * DuckDB-WASM (the app's own ingest) and into sql.js (worker), then time every question.
 */
import { openBrowserDb, type Db } from '$lib/db';
import { fetchMissionFiles, ingest, type NamedBytes } from '$lib/ingest';
import { APP_QUESTIONS } from './app-questions';
import { crossCheck, measure } from './measure';
import { SIMPLE_QUESTIONS } from './simple-questions';
import { SqliteBench } from './sqlite-client';
import type { MissionParquet } from './sqlite-protocol';
import type { QuestionResult, ResultRow, SizeRequest, SizeResult } from './types';

function fileOf(files: NamedBytes[], mission: string, table: string): ArrayBuffer {
	const f = files.find((x) => x.name === `${mission}/${table}.parquet`);
	if (!f) throw new Error(`bench: ${mission}/${table}.parquet was not fetched`);
	// A copy: the worker takes ownership of it (transfer), the page keeps nothing.
	return f.bytes.slice().buffer as ArrayBuffer;
}

function jsHeapMb(): number | null {
	const mem = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
	return mem ? mem.usedJSHeapSize / 1e6 : null;
}

/** Measure one size; `status` reports progress to the page. */
export async function runSize(req: SizeRequest, status: (s: string) => void): Promise<SizeResult> {
	const db: Db = await openBrowserDb();
	const sqlite = new SqliteBench();
	try {
		status(`fetching ${req.missions.length} missions`);
		const t0 = performance.now();
		const files = (
			await Promise.all(req.missions.map((m) => fetchMissionFiles([`${req.dataBase}${m}/`])))
		).flat();
		const fetchMs = performance.now() - t0;
		const parquetBytes = files.reduce((s, f) => s + f.bytes.length, 0);

		status('loading DuckDB');
		const t1 = performance.now();
		const loaded = await ingest(db, files);
		const duckMs = performance.now() - t1;
		if (loaded.missionIds.length !== req.missions.length)
			throw new Error(`bench: DuckDB loaded ${loaded.missionIds.length} of ${req.missions.length}`);

		status('loading SQLite');
		const parquet: MissionParquet[] = req.missions.map((m) => ({
			rssi_sample: fileOf(files, m, 'rssi_sample'),
			vehicle_telemetry: fileOf(files, m, 'vehicle_telemetry')
		}));
		files.length = 0;
		const t2 = performance.now();
		const sl = await sqlite.load(parquet);
		const sqliteMs = performance.now() - t2;

		const mission = req.missions[0] as string;
		const questions: QuestionResult[] = [];
		for (const q of APP_QUESTIONS) {
			status(q.id);
			const { timing } = await measure(() => q.run(db, mission), req);
			questions.push({ id: q.id, label: q.id, duck: timing, targetMs: q.targetMs });
		}
		for (const q of SIMPLE_QUESTIONS) {
			status(q.id);
			const params = q.perMission ? [mission] : [];
			const duck = await measure(() => db.query<ResultRow>(q.duckSql, params), req);
			const lite = await measure(() => sqlite.ask(q.id, mission), req);
			questions.push({
				id: q.id,
				label: q.label,
				duck: duck.timing,
				sqlite: lite.timing,
				check: crossCheck(duck.last, lite.last),
				targetMs: q.targetMs
			});
		}
		status('done');
		return {
			missions: req.missions.length,
			duckVersion: await db.version(),
			sqliteVersion: sl.version,
			load: {
				duckMs,
				sqliteMs,
				sqliteInsertMs: sl.insertMs,
				fetchMs,
				rssiRows: sl.rssiRows,
				telemetryRows: sl.telemetryRows,
				parquetBytes
			},
			questions,
			jsHeapMb: jsHeapMb()
		};
	} finally {
		sqlite.close();
	}
}
