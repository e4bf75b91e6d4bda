/**
 * `npm run bench`: speed figures measured in headless Chromium against the real build, printed
 * as a table (targets live here, not in timed tests).
 *
 * - cold start: a new browser profile (no cache) opens the app → first DuckDB-WASM query answered
 * - warm start: the same, with the browser cache warm (compiled wasm cached)
 * - drop-to-drawn: a 1-hour mission's Parquet files given to the file input → map and chart drawn
 * - then the library table of bench-library.ts (a folder chosen on the home page → every mission
 *   listed, kept, reopened, brushed, memory; 10 h with `--quick`, else 10 h and 100 h;
 *   `--no-library` skips it)
 * - then the analytics table of bench-analytics.ts (`npm run bench -- --quick` skips 100 h;
 *   `--no-analytics` skips the table, `--no-live` the live ground-station figures)
 * - then the Pi-download table of bench-pi.ts (whole download against HTTP range reads, 1 h and
 *   10 h missions, localhost and a 4 Mbit/s radio link; `--no-pi` skips it)
 * - then the fleet-archive table of bench-archive.ts (native DuckDB: archive build and size, fleet
 *   KPIs over every mission; 100 h with `--quick`, else 100 h and 1 000 h; `--no-archive` skips it)
 * - then the beacon posterior table of bench-beacon.ts (review 1 h, live update with 1 h
 *   recorded, next leg; `--no-beacon` skips it)
 *
 * Needs `npm run build` first (it runs it when build/ is missing).
 */
import { execSync } from 'node:child_process';
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';
import { simulateMission } from '../lib/sim';
import { runAnalyticsBench } from './bench-analytics';
import { archiveTable, benchArchive } from './bench-archive';
import { benchLibrary, libraryTable } from './bench-library';
import { runLiveBench } from './bench-live';
import { runPiBench } from './bench-pi';
import { beaconBrowserRows, beaconTable, runBeaconBench } from './bench-beacon';
import { writeMission } from './mission-writer';
import { serveStatic } from './serve';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = 4399;
const SORTIE = '.bench/sortie-1h';

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

async function ensureInputs() {
	if (!existsSync('build/index.html')) execSync('npm run build', { stdio: 'inherit' });
	if (!existsSync(join(SORTIE, 'rssi_sample.parquet'))) {
		const result = simulateMission({
			seed: 7,
			scenario: 'sortie-1h',
			missionId: 'bench-sortie-1h'
		});
		await writeMission(result, SORTIE, { parquet: true, duckdb: false, jsonl: false });
	}
}

async function engineReady(page: Page): Promise<number> {
	await page
		.getByTestId('engine-status')
		.filter({ hasText: 'DuckDB v' })
		.waitFor({ timeout: 120_000 });
	return page.evaluate(
		() => performance.getEntriesByName('pisad:first-query')[0]?.startTime ?? NaN
	);
}

async function main() {
	await ensureInputs();
	const server = await serveStatic('build', PORT);
	const base = `http://127.0.0.1:${PORT}/`;
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
	const version = browser.version();
	const rows: [string, string, string, string][] = [];
	try {
		// Cold: a new context is a new profile: empty HTTP cache and code cache.
		const cold: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const ctx = await browser.newContext();
			const page = await ctx.newPage();
			await page.goto(base);
			cold.push(await engineReady(page));
			await ctx.close();
		}
		rows.push([
			'cold start → first query (new profile)',
			`${median(cold).toFixed(0)} ms`,
			'—',
			`${RUNS} runs`
		]);

		const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
		const page = await ctx.newPage();
		const warm: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			await page.goto(base);
			warm.push(await engineReady(page));
		}
		rows.push([
			'warm start → first query (cached)',
			`${median(warm).toFixed(0)} ms`,
			'—',
			`${RUNS} runs`
		]);

		const names = (await readdir(SORTIE)).filter((f) => f.endsWith('.parquet'));
		const files = await Promise.all(
			names.map(async (name) => ({
				name,
				mimeType: 'application/octet-stream',
				buffer: await readFile(join(SORTIE, name))
			}))
		);
		const bytes = files.reduce((s, f) => s + f.buffer.length, 0);
		const drawn: number[] = [];
		const loaded: number[] = [];
		const chartAt: number[] = [];
		const queriedAt: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			await page.goto(base);
			await engineReady(page);
			await page.getByTestId('file-input').setInputFiles(files);
			await page
				.getByTestId('review')
				.and(page.locator('[data-ready="true"]'))
				.waitFor({ timeout: 120_000 });
			// Evaluated as a string: tsx's keep-names helper (__name) does not exist in the page.
			const [l, d, c, q] = (await page.evaluate(`(() => {
				const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
				const a = at('pisad:drop');
				return [at('pisad:loaded') - a, at('pisad:drawn') - a, at('pisad:drawn-chart') - a,
					at('pisad:q:series') - a];
			})()`)) as [number, number, number, number];
			loaded.push(l);
			drawn.push(d);
			chartAt.push(c);
			queriedAt.push(q);
		}
		// Replay while the 1-hour mission is open: frames per second of the page at 64×.
		await page.getByTestId('replay-slider').evaluate((el) => {
			(el as HTMLInputElement).value = '0';
			el.dispatchEvent(new Event('input', { bubbles: true }));
		});
		await page.locator('select[aria-label="Replay speed"]').selectOption('64');
		await page.getByTestId('replay-toggle').click();
		const fps = (await page.evaluate(`new Promise((done) => {
			let frames = 0;
			const t0 = performance.now();
			const tick = () => {
				frames++;
				if (performance.now() - t0 < 3000) requestAnimationFrame(tick);
				else done((frames * 1000) / (performance.now() - t0));
			};
			requestAnimationFrame(tick);
		})`)) as number;
		await page.getByTestId('replay-toggle').click();
		rows.push([
			`drop → drawn, 1-hour mission (${(bytes / 1e6).toFixed(1)} MB Parquet, warm wasm)`,
			`${median(drawn).toFixed(0)} ms`,
			'≤ 500 ms',
			`${RUNS} runs, min ${Math.min(...drawn).toFixed(0)} ms. Medians from the drop: files in DuckDB (decoded in workers) ${median(loaded).toFixed(0)} ms, map/chart queries answered ${median(queriedAt).toFixed(0)} ms, RSSI chart drawn ${median(chartAt).toFixed(0)} ms, first map frame with the whole track ${median(drawn).toFixed(0)} ms (software GL here)`
		]);
		rows.push([
			'replay at 64× on the 1-hour mission (map drone, 9 chart cursors)',
			`${fps.toFixed(0)} fps`,
			'≥ 30 fps',
			'requestAnimationFrame rate over 3 s while playing'
		]);
		await ctx.close();
		if (!process.argv.includes('--no-live')) rows.push(...(await runLiveBench(browser, base)));
	} finally {
		await browser.close();
		server.close();
	}
	const table = [
		'| measure | median | goal | notes |',
		'|---|---|---|---|',
		...rows.map((r) => `| ${r.join(' | ')} |`)
	].join('\n');
	const head = `PISAD bench — ${new Date().toISOString()} — ${process.platform} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Chromium ${version}`;
	console.log(`\n${head}\n\n${table}`);
	await mkdir('.bench', { recursive: true });
	await writeFile('.bench/last.md', `${head}\n\n${table}\n`);

	// Issue 15: the library on the user's path (choose a folder → listed, reload, brushing, memory).
	if (!process.argv.includes('--no-library')) {
		const sizes = process.argv.includes('--quick') ? [10] : [10, 100];
		const server = await serveStatic('build', PORT + 1);
		try {
			const rows = [];
			for (const h of sizes) rows.push(await benchLibrary(`http://127.0.0.1:${PORT + 1}/`, h));
			const table = libraryTable(rows);
			console.log(`\n${table}`);
			await appendFile('.bench/last.md', `\n${table}\n`);
		} finally {
			server.close();
		}
	}

	// Issue 4: per-query medians at 1 h / 10 h / 100 h (--quick: no 100 h), DuckDB-WASM vs sql.js.
	if (!process.argv.includes('--no-analytics')) {
		const analytics = await runAnalyticsBench({ quick: process.argv.includes('--quick') });
		console.log(`\n${analytics.table}`);
		await appendFile('.bench/last.md', `\n${analytics.table}\n`);
	}

	// Issue 6: a Pi mission into the tab, whole download against range reads.
	if (!process.argv.includes('--no-pi')) {
		const pi = await runPiBench();
		console.log(`\n${pi.table}`);
		await appendFile('.bench/last.md', `\n${pi.table}\n`);
	}

	// Issue 17: the fleet archive on native DuckDB.
	if (!process.argv.includes('--no-archive')) {
		const sizes = process.argv.includes('--quick') ? [100] : [100, 1000];
		const rows = [];
		for (const h of sizes) rows.push(await benchArchive(h));
		const table = archiveTable(rows);
		console.log(`\n${table}`);
		await appendFile('.bench/last.md', `\n${table}\n`);
	}

	// Issue 16: the beacon posterior, review and live (the worker's code, timed in Node).
	if (!process.argv.includes('--no-beacon')) {
		const table = beaconTable([...runBeaconBench(), ...(await beaconBrowserRows())]);
		console.log(`\n${table}`);
		await appendFile('.bench/last.md', `\n${table}\n`);
	}
}

await main();
