/**
 * The fleet archive's figures (issue 17): for each size, the
 * archive built by `generate --archive` (copies of a few simulated hours; the simulated base is
 * built once and not timed), its size on disk, the manifest read (what a library view needs) and
 * the fleet KPIs over every mission (sql/queries/mission-kpi/mission_kpis.sql, the parameters the
 * library panel binds) through the archive's views (goal ≤ 30 s at 1 000 hours); then the
 * archive opened in the browser by URL (bench-archive-browser.ts; needs `npm run build`).
 *   npx tsx src/node/bench-archive.ts [--hours 100,1000]
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from './archive/fleet-db';
import { baseArchive, generateArchive } from './archive/generate-archive';
import { MANIFEST } from './archive/layout';
import { appSql } from './archive/manifest';
import { openNative, rowsOf, sqlStr } from './archive/native';
import { benchArchiveBrowser } from './bench-archive-browser';
import { serveStatic } from './serve';

/** One size's figures. */
export interface ArchiveBenchRow {
	hours: number;
	missions: number;
	buildS: number;
	bytes: number;
	files: number;
	manifestMs: number;
	kpiS: number;
	/** The browser: manifest → every mission listed, and one mission opened (ms). */
	listedMs: number | null;
	openedMs: number | null;
}

function du(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
		if (e.isFile()) {
			bytes += statSync(join(e.parentPath, e.name)).size;
			files++;
		}
	return { bytes, files };
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;
const ms = (v: number | null): string =>
	v === null ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`;

/** Build an archive of `hours` and time what the fleet asks of it. */
export async function benchArchive(hours: number): Promise<ArchiveBenchRow> {
	const dir = `.bench/archive-${hours}h`;
	rmSync(dir, { recursive: true, force: true });
	await baseArchive(1000);
	let t0 = performance.now();
	const built = await generateArchive(dir, hours, 1000);
	const buildS = seconds(t0);
	const { bytes, files } = du(dir);
	const probe = await openNative();
	t0 = performance.now();
	await rowsOf(probe, `SELECT * FROM read_parquet(${sqlStr(join(dir, MANIFEST))})`);
	const manifestMs = seconds(t0) * 1000;
	probe.closeSync();
	const con = await openArchive(dir);
	t0 = performance.now();
	const kpis = await rowsOf(con, appSql('queries/mission-kpi/mission_kpis'), [
		null,
		null,
		null,
		null,
		null
	]);
	const kpiS = seconds(t0);
	con.closeSync();
	if (kpis.length !== built.missions)
		throw new Error(`KPIs for ${kpis.length} of ${built.missions} missions`);
	const app = await serveStatic('build', 4396);
	const web = await benchArchiveBrowser(dir, built.missions, 'http://127.0.0.1:4396/').finally(() =>
		app.close()
	);
	if (web.note) console.warn(`[bench-archive] browser: ${web.note}`);
	return {
		hours: built.hours,
		missions: built.missions,
		buildS,
		bytes,
		files,
		manifestMs,
		kpiS,
		listedMs: web.listedMs,
		openedMs: web.openedMs
	};
}

/** The figures as a markdown table. */
export function archiveTable(rows: ArchiveBenchRow[]): string {
	return [
		`PISAD fleet archive — ${new Date().toISOString()} — native DuckDB 1.4.3 (@duckdb/node-api)`,
		'',
		'| archive | build (copies) | size | data files | manifest read | fleet KPIs, all missions | goal | browser: ?archive= → all listed (goal ≤ 2 s) | browser: one mission opened (goal ≤ 1 s) |',
		'|---|---:|---:|---:|---:|---:|---|---:|---:|',
		...rows.map(
			(r) =>
				`| ${r.hours.toFixed(0)} h (${r.missions} missions) | ${r.buildS.toFixed(1)} s | ${(r.bytes / 1e6).toFixed(0)} MB | ${r.files} | ${r.manifestMs.toFixed(0)} ms | ${r.kpiS.toFixed(2)} s | ${r.hours >= 999 ? `≤ 30 s: ${r.kpiS <= 30 ? '✓' : '✗'}` : '(≤ 30 s at 1 000 h)'} | ${ms(r.listedMs)} | ${ms(r.openedMs)} |`
		)
	].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const i = process.argv.indexOf('--hours');
	const sizes = (i > 0 ? (process.argv[i + 1] ?? '') : '100,1000').split(',').map(Number);
	const rows: ArchiveBenchRow[] = [];
	for (const h of sizes) rows.push(await benchArchive(h));
	console.log(`\n${archiveTable(rows)}`);
}
