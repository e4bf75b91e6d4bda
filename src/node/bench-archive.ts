/**
 * The fleet archive's figures (issue 17): for each size, the
 * archive built by `generate --archive` (copies of a few simulated hours; the simulated base is
 * built once and not timed), its size on disk, the manifest read (what a library view needs) and
 * the fleet KPIs over every mission (sql/queries/mission-kpi/mission_kpis.sql, the parameters the
 * library panel binds) through the archive's views (goal ≤ 30 s at 1 000 hours); then the
 * archive opened in the browser by URL (bench-archive-browser.ts; needs `npm run build`).
 *   npx tsx src/node/bench-archive.ts [--hours 100,1000] [--dir <an archive built already>]
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
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

/**
 * Build an archive of `hours` and time what the fleet asks of it; with `existing`, time that
 * archive as it is (no build time).
 */
export async function benchArchive(hours: number, existing?: string): Promise<ArchiveBenchRow> {
	const dir = existing ?? `.bench/archive-${hours}h`;
	let t0 = performance.now();
	let built: { missions: number; hours: number };
	if (existing) built = await listed(existing);
	else {
		rmSync(dir, { recursive: true, force: true });
		await baseArchive(1000);
		t0 = performance.now();
		built = await generateArchive(dir, hours, 1000);
	}
	const buildS = existing ? NaN : seconds(t0);
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
	// Any free port: a fixed one would test another worktree's build already serving there.
	const app = await serveStatic('build', 0);
	const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
	const web = await benchArchiveBrowser(dir, built.missions, url).finally(() => app.close());
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

/** The missions and flight hours an existing archive's manifest lists. */
async function listed(dir: string): Promise<{ missions: number; hours: number }> {
	const con = await openNative();
	const [r] = await rowsOf<{ missions: number; hours: number }>(
		con,
		`SELECT count(*) AS missions, sum(duration_s) / 3600 AS hours FROM read_parquet(${sqlStr(join(dir, MANIFEST))})`
	);
	con.closeSync();
	return r ?? { missions: 0, hours: 0 };
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
				`| ${r.hours.toFixed(0)} h (${r.missions} missions) | ${Number.isNaN(r.buildS) ? '—' : `${r.buildS.toFixed(1)} s`} | ${(r.bytes / 1e6).toFixed(0)} MB | ${r.files} | ${r.manifestMs.toFixed(0)} ms | ${r.kpiS.toFixed(2)} s | ${r.hours >= 999 ? `≤ 30 s: ${r.kpiS <= 30 ? '✓' : '✗'}` : '(≤ 30 s at 1 000 h)'} | ${ms(r.listedMs)} | ${ms(r.openedMs)} |`
		)
	].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const arg = (name: string) => {
		const i = process.argv.indexOf(name);
		return i > 0 ? process.argv[i + 1] : undefined;
	};
	const sizes = (arg('--hours') ?? '100,1000').split(',').map(Number);
	// `--dir <archive>`: time an archive already built (one size), e.g. after `archive index`.
	const dir = arg('--dir');
	const rows: ArchiveBenchRow[] = [];
	for (const h of sizes) rows.push(await benchArchive(h, dir));
	console.log(`\n${archiveTable(rows)}`);
}
