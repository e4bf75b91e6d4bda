/**
 * The beacon posterior on the user's path (issue 16 item 4): the 1-hour sortie's Parquet files
 * served by the project's static server on another port, the real app (`build/`, so run
 * `npm run build` first) opened at `review/?src=` in system Chromium, timed from the navigation
 * until the mission's summary shows (`rssi_samples`) and until the posterior's 90 % area
 * (`beacon_region90_m2`) does: the difference is what the posterior adds on the page (its
 * observations query, the worker's solve, the layer). bench-beacon.ts times the worker's code in
 * Node; this row is what a crew waits for.
 *
 *   npx tsx src/node/bench-beacon-browser.ts [--runs 3]
 */
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { simulateMission } from '../lib/sim';
import { chromiumArgs, chromiumPath } from './chromium';
import { writeMission } from './mission-writer';
import { serveStatic } from './serve';

const DIR = '.bench/sortie-1h-s1';

/** Times of one review open, ms from the navigation (null: not seen within a minute). */
export interface BeaconBrowserRun {
	summaryMs: number | null;
	region90Ms: number | null;
	/** The page's `pisad:*` performance marks, ms from its navigation (where the time went). */
	marks: Record<string, number>;
	note: string;
}

/** Writes the 1-hour sortie (seed 1) as the app's Parquet mission folder, once. */
async function sortieFolder(): Promise<string> {
	if (existsSync(join(DIR, 'index.json'))) return DIR;
	const result = simulateMission({ seed: 1, scenario: 'sortie-1h', missionId: 'sortie-1h-s1' });
	await writeMission(result, DIR, { parquet: true, duckdb: false, jsonl: false });
	const files = (await readdir(DIR)).filter((f) => f.endsWith('.parquet')).sort();
	await writeFile(join(DIR, 'index.json'), JSON.stringify({ files }, null, 1));
	return DIR;
}

/** Opens the sortie's review `runs` times in a fresh page each (engine started first). */
export async function benchBeaconBrowser(runs = 3): Promise<BeaconBrowserRun[]> {
	const data = await serveStatic(await sortieFolder(), 0);
	const app = await serveStatic('build', 0);
	const src = `http://127.0.0.1:${(data.address() as AddressInfo).port}/`;
	const root = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
	const out: BeaconBrowserRun[] = [];
	try {
		for (let i = 0; i < runs; i++) {
			const run: BeaconBrowserRun = { summaryMs: null, region90Ms: null, marks: {}, note: '' };
			const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
			try {
				// The engine up first: the figure is the mission's and the posterior's, not DuckDB's.
				await page.goto(root);
				await page.getByTestId('engine-status').filter({ hasText: 'DuckDB v' }).waitFor();
				const t0 = Date.now();
				await page.goto(`${root}review/?src=${encodeURIComponent(src)}`);
				const ready = (kpi: string) =>
					page
						.locator(`[data-kpi="${kpi}"]:not([data-value=""])`)
						.first()
						.waitFor({ timeout: 60_000 });
				await ready('rssi_samples');
				run.summaryMs = Date.now() - t0;
				await ready('beacon_region90_m2');
				run.region90Ms = Date.now() - t0;
				run.marks = await page.evaluate(() =>
					Object.fromEntries(
						performance
							.getEntriesByType('mark')
							.filter((m) => m.name.startsWith('pisad:'))
							.map((m) => [m.name, Math.round(m.startTime)])
					)
				);
			} catch (e) {
				run.note = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
			} finally {
				await page.close();
			}
			out.push(run);
		}
	} finally {
		await browser.close();
		app.close();
		data.close();
	}
	return out;
}

/** The runs as one row of bench-beacon's table: median times, and where the posterior's went. */
export function beaconBrowserRow(
	runs: readonly BeaconBrowserRun[]
): [string, string, string, string] {
	const med = (x: (number | null | undefined)[]) => {
		const v = x.filter((n): n is number => typeof n === 'number').sort((a, b) => a - b);
		return v.length ? (v[Math.floor((v.length - 1) / 2)] as number) : null;
	};
	const mark = (name: string) => med(runs.map((r) => r.marks[`pisad:${name}`]));
	const after = med(
		runs.map((r) => (r.marks['pisad:q:posterior'] ?? NaN) - (r.marks['pisad:q:kpis'] ?? NaN))
	);
	const r = med(runs.map((x) => x.region90Ms));
	const notes = runs.map((x) => x.note).filter(Boolean);
	const f = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : `${x} ms`);
	return [
		'review page, 1-hour sortie: navigation → 90 % area KPI shown (real app, Chromium)',
		f(r),
		'—',
		`${runs.length} opens; files loaded ${f(mark('loaded'))}, summary ${f(med(runs.map((x) => x.summaryMs)))}, map drawn ${f(mark('drawn'))}, KPIs ${f(mark('q:kpis'))}, posterior ${f(mark('q:posterior'))} (${f(after)} after the KPIs: its queries after theirs and the worker's solve)${notes.length ? `; ${notes.join('; ')}` : ''}`
	];
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
	const runs = await benchBeaconBrowser(Number(values.runs));
	for (const r of runs) console.log(JSON.stringify(r));
	console.log(`| ${beaconBrowserRow(runs).join(' | ')} |`);
}
