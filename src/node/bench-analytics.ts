/**
 * The analytics bench of issue 4: every analytical query's median time in headless Chromium at
 * 1 h, 10 h and 100 h of generated missions, and the anchors' simple questions answered by both
 * DuckDB-WASM and SQLite-WASM (sql.js) on the same rows, with the ratio and a cross-check.
 * Measuring happens in the hidden /bench page ($lib/bench); this file generates the missions,
 * serves the build and the data, drives one fresh page per size and prints the table.
 *
 * Usage: tsx src/node/bench-analytics.ts [--quick] [--runs 5]   (after `npx vite build`)
 * All three sizes by default: ~8 min end to end on a busy 2-core machine with nothing cached
 * (generating 100 sorties ~3.5 min, then ~4.5 min measuring), ~5 min once .bench/ holds the
 * missions. --quick skips 100 h.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';
import { simulateMission } from '../lib/sim';
import type { SizeRequest, SizeResult } from '../lib/bench/types';
import { writeMission } from './mission-writer';
import { serveStatic } from './serve';
import { formatTable } from '../lib/bench/table';

const DATA_DIR = '.bench/analytics';
const SIZES_H = [1, 10, 100];
/** Sorties start 2 h apart, so the library reads like consecutive flights. */
const FIRST_START_MS = Date.UTC(2025, 7, 1);

export interface AnalyticsBenchOptions {
	/** Skip 100 h (100 sorties): 1 h and 10 h only. */
	quick?: boolean;
	/** Timed runs per question after the warm-up (default 5). */
	runs?: number;
	log?: (line: string) => void;
}

export const missionName = (seed: number): string => `bench-h${String(seed).padStart(3, '0')}`;

/** Generate (or reuse) sorties 1..count; index.json, written last, marks a complete folder. */
async function ensureMissions(count: number, log: (s: string) => void): Promise<string[]> {
	const names: string[] = [];
	for (let seed = 1; seed <= count; seed++) {
		const id = missionName(seed);
		const dir = join(DATA_DIR, id);
		names.push(id);
		if (existsSync(join(dir, 'index.json'))) continue;
		log(`generating ${id} (sortie-1h, seed ${seed})`);
		const result = simulateMission({
			seed,
			scenario: 'sortie-1h',
			missionId: id,
			startedAtMs: FIRST_START_MS + (seed - 1) * 7_200_000
		});
		await writeMission(result, dir, { parquet: true, duckdb: false, jsonl: false });
		const files = (await readdir(dir)).filter((f) => f.endsWith('.parquet')).sort();
		await writeFile(join(dir, 'index.json'), JSON.stringify(files));
	}
	return names;
}

const portOf = (s: { address(): AddressInfo | string | null }): number =>
	(s.address() as AddressInfo).port;

/** Run the bench; returns the markdown (header lines + table). */
export async function runAnalyticsBench(opts: AnalyticsBenchOptions = {}): Promise<{
	table: string;
}> {
	const log = opts.log ?? ((s: string) => console.error(`[bench-analytics] ${s}`));
	if (!existsSync('build/bench/index.html'))
		throw new Error('build/bench/index.html is missing: run `npx vite build` first.');
	const sizes = opts.quick ? SIZES_H.filter((h) => h < 100) : SIZES_H;
	const names = await ensureMissions(Math.max(...sizes), log);
	const loadStart = loadavg();
	const app = await serveStatic('build', 0);
	// The data gets its own server (CORS is open): nothing is copied into build/.
	const data = await serveStatic(DATA_DIR, 0);
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
	const results = new Map<number, SizeResult>();
	const loads = new Map<number, number>();
	try {
		for (const hours of sizes) {
			const ctx = await browser.newContext();
			const page = await ctx.newPage();
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
			page.on('console', (m) => void (m.text().startsWith('bench:') && log(m.text())));
			await page.goto(`http://127.0.0.1:${portOf(app)}/bench/`);
			await page.waitForFunction(() => window.pisadBench !== undefined, null, {
				timeout: 120_000
			});
			const req: SizeRequest = {
				dataBase: `http://127.0.0.1:${portOf(data)}/`,
				missions: names.slice(0, hours),
				runs: opts.runs ?? 5,
				slowMs: 3000,
				slowRuns: 3
			};
			log(`${hours} h: measuring (${hours} missions)`);
			const t0 = Date.now();
			const r = await page.evaluate((q) => {
				const hook = window.pisadBench;
				if (!hook) throw new Error('bench hook missing');
				return hook.runSize(q);
			}, req);
			log(`${hours} h: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
			if (errors.length) throw new Error(`bench page errors at ${hours} h: ${errors.join(' | ')}`);
			results.set(hours, r);
			loads.set(hours, loadavg()[0] ?? NaN);
			await ctx.close();
		}
		const version = browser.version();
		const head = [
			`PISAD analytics bench — ${new Date().toISOString()} — ${process.platform} ${process.arch}, ` +
				`${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Chromium ${version} (headless)`,
			`Load average (1/5/15 min) at start ${loadStart.map((x) => x.toFixed(2)).join(' / ')}; ` +
				`1-min after each size: ${[...loads].map(([h, l]) => `${h} h ${l.toFixed(2)}`).join(', ')} ` +
				'(shared, busy machine).'
		];
		return { table: formatTable(head, sizes, results, SIZES_H, opts.runs ?? 5) };
	} finally {
		await browser.close();
		app.close();
		data.close();
	}
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
	const { values } = parseArgs({
		options: { quick: { type: 'boolean', default: false }, runs: { type: 'string', default: '5' } }
	});
	const { table } = await runAnalyticsBench({ quick: values.quick, runs: Number(values.runs) });
	console.log(`\n${table}`);
	await mkdir('.bench', { recursive: true });
	await writeFile('.bench/analytics-last.md', `${table}\n`);
}
