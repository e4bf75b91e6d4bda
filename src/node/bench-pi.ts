/**
 * The Pi-download bench (issue 6): getting a recorded mission from the Pi (the simulator, in
 * process) into the tab's DuckDB, whole download against HTTP range reads, for a 1-hour and a
 * 10-hour mission (one folder of ten sorties), on localhost and over a simulated radio link
 * (bandwidth-limited, with latency per request). Each run is a fresh page (fresh engine, empty
 * cache). Measuring happens in the hidden /bench page ($lib/bench/pi-fetch.ts).
 *
 * Usage: tsx src/node/bench-pi.ts [--runs 3] [--kbps 4000] [--latency 50] [--hours 1,10] [--only TEXT]
 * About 12 minutes with 1 and 10 hours (the 10-hour mission over the radio link dominates).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';
import { CONTRACT_TABLES, type MissionTables } from '../lib/contract';
import { simulateMission } from '../lib/sim';
import { PI_FETCH_WAYS, type PiFetchWay } from '../lib/bench/types';
import { writeMission } from './mission-writer';
import { startPiSim } from './pi-sim/server';
import type { LinkOptions } from './pi-sim/link';
import { serveStatic } from './serve';
import type { AddressInfo } from 'node:net';

const DATA_DIR = '.bench/pi';

/** `hours` sorties of one hour in one mission folder (Parquet + .duckdb), made once. */
async function ensureMission(hours: number): Promise<string> {
	const id = `pi-${hours}h`;
	const dir = join(DATA_DIR, id);
	if (existsSync(join(dir, 'mission.duckdb'))) return id;
	const merged = Object.fromEntries(CONTRACT_TABLES.map((t) => [t, [] as object[]]));
	for (let seed = 1; seed <= hours; seed++) {
		const r = simulateMission({
			seed,
			scenario: 'sortie-1h',
			missionId: `${id}-s${seed}`,
			startedAtMs: Date.UTC(2025, 7, 1) + (seed - 1) * 7_200_000
		});
		for (const t of CONTRACT_TABLES) merged[t]?.push(...(r.tables[t] as object[]));
	}
	await writeMission({ tables: merged as unknown as MissionTables }, dir, { jsonl: false });
	return id;
}

export interface PiBenchOptions {
	hours?: number[];
	runs?: number;
	radio?: LinkOptions;
	/** Only the ways whose name contains one of these comma-separated texts (e.g. "Parquet,app"). */
	only?: string;
	log?: (s: string) => void;
}

interface Cell {
	ms: number[];
	/** The longest main-thread task of each run (ms; null where not reported). */
	longest: (number | null)[];
	/** Per run, in run order (the reported run is the one with the median time). */
	served: { bytes: number; requests: number; ranged: number; picked?: string }[];
	rows: number;
}

/** The run with the median time: its bytes, requests and choice go with the reported time. */
const medianRun = (c: Cell): Cell['served'][number] => {
	const order = c.ms.map((_, i) => i).sort((a, b) => (c.ms[a] as number) - (c.ms[b] as number));
	return c.served[order[Math.floor((order.length - 1) / 2)] as number] as Cell['served'][number];
};

const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function measure(
	browser: Browser,
	appBase: string,
	link: LinkOptions,
	missionsDir: string,
	missionId: string,
	way: PiFetchWay,
	runs: number
): Promise<Cell> {
	const sim = await startPiSim({
		scenario: 'open-field',
		seed: 1,
		speed: 1,
		port: 0,
		missionsDir,
		link,
		endAt_s: 1
	});
	const cell: Cell = { ms: [], longest: [], served: [], rows: 0 };
	try {
		for (let i = 0; i < runs; i++) {
			const ctx = await browser.newContext();
			const page = await ctx.newPage();
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			await page.goto(`${appBase}bench/`);
			await page.waitForFunction(() => window.pisadBench !== undefined, null, {
				timeout: 120_000
			});
			const before = sim.requests().length;
			const r = await page.evaluate((q) => window.pisadBench!.runPiFetch(q as never), {
				http: sim.url,
				missionId,
				way
			});
			if (errors.length) throw new Error(`bench page errors: ${errors.join(' | ')}`);
			const served = sim
				.requests()
				.slice(before)
				.filter((q) => !q.path.endsWith('/api/missions'));
			cell.ms.push(r.ms);
			cell.longest.push(r.longestTaskMs ?? null);
			cell.served.push({
				bytes: served.reduce((s, q) => s + q.bytes, 0),
				requests: served.length,
				ranged: served.filter((q) => q.status === 206).length,
				picked: r.picked
			});
			cell.rows = r.rssiRows;
			await ctx.close();
		}
	} finally {
		await sim.close();
	}
	return cell;
}

const fmtMs = (ms: number): string =>
	ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
/** The median of the runs' longest main-thread tasks, when the browser reports long tasks. */
const fmtTask = (c: Cell): string => {
	const xs = c.longest.filter((x): x is number => x !== null);
	if (!xs.length) return '';
	const m = median(xs);
	return m ? `, longest task ${m.toFixed(0)} ms` : ', no task ≥ 50 ms';
};
/** The app's choice in each run ("<way>, probe N Mbit/s"): each way with its count and probes. */
const fmtPicks = (c: Cell): string => {
	const byWay = new Map<string, string[]>();
	for (const x of c.served) {
		const [way = '?', probe] = (x.picked ?? '?').split(', probe ');
		byWay.set(way, [...(byWay.get(way) ?? []), ...(probe ? [probe.replace(' Mbit/s', '')] : [])]);
	}
	return [...byWay]
		.map(([way, probes]) => {
			const n = c.served.length > 1 && byWay.size > 1 ? ` ×${probes.length || 1}` : '';
			return `${way}${n}${probes.length ? `, probe ${probes.join('/')} Mbit/s` : ''}`;
		})
		.join('; ');
};
const fmtBytes = (b: number): string =>
	b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1e3).toFixed(1)} kB`;

export async function runPiBench(opts: PiBenchOptions = {}): Promise<{ table: string }> {
	const log = opts.log ?? ((s: string) => console.error(`[bench-pi] ${s}`));
	if (!existsSync('build/bench/index.html'))
		throw new Error('build/bench/index.html is missing: run `npm run build` first.');
	const hours = opts.hours ?? [1, 10];
	const runs = opts.runs ?? 3;
	const radio: LinkOptions = opts.radio ?? { bandwidthKbps: 4000, latencyMs: 50 };
	const links: [string, LinkOptions, number][] = [
		['localhost', {}, runs],
		[`radio ${radio.bandwidthKbps} kbit/s, ${radio.latencyMs} ms`, radio, 1]
	];
	const app = await serveStatic('build', 0);
	const appBase = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
	const cols: string[] = [];
	const cells = new Map<string, Cell>();
	const only = opts.only?.split(',');
	const ways = PI_FETCH_WAYS.filter((w) => !only || only.some((o) => w.includes(o)));
	try {
		for (const h of hours) {
			const id = await ensureMission(h);
			for (const [name, link, n] of links) {
				const col = `${h} h, ${name}`;
				cols.push(col);
				for (const way of ways) {
					log(`${col}: ${way}`);
					const c = await measure(browser, appBase, link, resolve(DATA_DIR), id, way, n);
					const m = medianRun(c);
					log(
						`  ${fmtMs(median(c.ms))}, ${fmtBytes(m.bytes)} in ${m.requests} requests${fmtTask(c)}${m.picked ? ` (${fmtPicks(c)})` : ''}`
					);
					cells.set(`${col}|${way}`, c);
				}
			}
		}
	} finally {
		await browser.close();
		app.close();
	}
	const head = [
		`PISAD Pi download bench — ${new Date().toISOString()} — Chromium ${browser.version()} (headless)`,
		`Click → rows in DuckDB (median of ${runs} on localhost, 1 run over the radio link); bytes served and requests (206 = range answers) from the simulator's log; the longest main-thread task during the run (PerformanceObserver 'longtask', median over runs).`
	];
	const table = [
		`| way | ${cols.join(' | ')} |`,
		`|---|${cols.map(() => '---:').join('|')}|`,
		...ways.map((way) => {
			const row = cols.map((col) => {
				const c = cells.get(`${col}|${way}`);
				if (!c) return '—';
				const m = medianRun(c);
				const what = `${fmtBytes(m.bytes)}, ${m.requests} req${m.ranged ? `, ${m.ranged}×206` : ''}${fmtTask(c)}`;
				return `${fmtMs(median(c.ms))} (${m.picked ? `${fmtPicks(c)}; ` : ''}${what})`;
			});
			return `| ${way} | ${row.join(' | ')} |`;
		})
	];
	const rows = [...cells.entries()].map(([k, c]) => `${k}: ${c.rows} RSSI rows`);
	log(rows.join('; '));
	return { table: `${head.join('\n')}\n\n${table.join('\n')}` };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
	const { values } = parseArgs({
		options: {
			runs: { type: 'string', default: '3' },
			kbps: { type: 'string', default: '4000' },
			latency: { type: 'string', default: '50' },
			hours: { type: 'string', default: '1,10' },
			only: { type: 'string' }
		}
	});
	const { table } = await runPiBench({
		runs: Number(values.runs),
		hours: values.hours.split(',').map(Number),
		only: values.only,
		radio: { bandwidthKbps: Number(values.kbps), latencyMs: Number(values.latency) }
	});
	console.log(`\n${table}`);
	await mkdir('.bench', { recursive: true });
	await writeFile('.bench/pi-last.md', `${table}\n`);
}
