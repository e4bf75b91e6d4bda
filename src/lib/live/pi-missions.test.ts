/**
 * Pi missions fetched from the real Pi simulator (HTTP on localhost, Node's fetch) into the same
 * wasm engine the app runs: the footer summary, Parquet read by ranges against the whole
 * download, a server that ignores Range, and the rule that picks a way.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { mkdtemp, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import { ingest, ingestRanged } from '$lib/ingest';
import { simulateMission } from '$lib/sim';
import { writeMission } from '../../node/mission-writer';
import { startPiSim, type PiSim } from '../../node/pi-sim/server';
import {
	downloadPiMission,
	estimateSeconds,
	listPiMissions,
	piRangeFiles,
	planPiFetch,
	readPiMissionSummary,
	type PiMission
} from './pi-missions';
import { NoRangesError, httpRangeFile } from './range';

const ID = 'pi-test-7';
let dir = '';
let sim: PiSim;
let plain: Server;
let plainUrl = '';
const rec = simulateMission({ seed: 7, scenario: 'interference', missionId: ID });

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'pisad-pi-missions-test-'));
	await writeMission(rec, join(dir, ID), { jsonl: false });
	sim = await startPiSim({
		scenario: 'open-field',
		seed: 1,
		speed: 1,
		port: 0,
		missionsDir: dir,
		endAt_s: 1
	});
	// A static server that ignores Range (answers 200 with the whole file), as some hosts do.
	plain = createServer((req, res) => {
		const path = join(dir, ID, (req.url ?? '').split('/').pop() ?? '');
		stat(path).then(
			(s) => {
				res.writeHead(200, { 'Content-Length': s.size });
				createReadStream(path).pipe(res);
			},
			() => res.writeHead(404).end()
		);
	});
	await new Promise<void>((ok) => plain.listen(0, '127.0.0.1', ok));
	plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await sim?.close();
	plain?.close();
});

async function mission(): Promise<PiMission> {
	const m = (await listPiMissions(sim.url)).find((x) => x.id === ID);
	if (!m) throw new Error('mission not listed');
	return m;
}

describe('Pi missions over HTTP', () => {
	test('the summary comes from footers: counts and time span, a few kB by range', async () => {
		const before = sim.requests().length;
		const s = await readPiMissionSummary(sim.url, await mission());
		expect(s).not.toBeNull();
		expect(s?.rssiSamples).toBe(rec.tables.rssi_sample.length);
		expect(s?.telemetryRows).toBe(rec.tables.vehicle_telemetry.length);
		expect(s?.detections).toBe(rec.tables.detection.length);
		const ts = rec.tables.rssi_sample.map((r) => r.t);
		// Footer statistics come back as Dates: exact to the millisecond.
		expect(Math.abs((s?.startMs ?? 0) - Math.min(...ts))).toBeLessThan(1);
		expect(Math.abs((s?.endMs ?? 0) - Math.max(...ts))).toBeLessThan(1);
		expect(s?.ranges).toBe(true);
		const served = sim.requests().slice(before);
		expect(served.every((r) => r.status === 206)).toBe(true);
		expect(served.reduce((a, r) => a + r.bytes, 0)).toBeLessThan(60_000);
	});

	test('Parquet read by ranges loads the same rows as the whole download', async () => {
		const m = await mission();
		const ranged = await openNodeDb();
		const whole = await openNodeDb();
		try {
			const before = sim.requests().length;
			let done = 0;
			let total = 0;
			const r = await ingestRanged(
				ranged,
				piRangeFiles(sim.url, m, (d, t) => ((done = d), (total = t)))
			);
			expect(r.missionIds).toEqual([ID]);
			const served = sim.requests().slice(before);
			expect(served.length).toBeGreaterThan(0);
			expect(served.every((q) => q.status === 206)).toBe(true);
			expect(total).toBeGreaterThan(0);
			expect(done).toBeGreaterThan(total * 0.9);

			const files = await downloadPiMission(
				sim.url,
				m,
				() => undefined,
				fetch,
				planPiFetch(m, { ranges: false, kbps: null }).files
			);
			await ingest(whole, files);
			const q = `SELECT (SELECT count(*) FROM rssi_sample)::DOUBLE AS r,
				(SELECT count(*) FROM vehicle_telemetry)::DOUBLE AS v,
				(SELECT count(*) FROM detection)::DOUBLE AS d,
				(SELECT sum(rssi_dbm) FROM rssi_sample) AS s,
				(SELECT max(t) FROM vehicle_telemetry) AS t`;
			const [a] = await ranged.query(q);
			const [b] = await whole.query(q);
			expect(a).toEqual(b);
			expect(a?.r).toBe(rec.tables.rssi_sample.length);
		} finally {
			await ranged.close();
			await whole.close();
		}
	});

	test('a server that ignores Range: footer reads stop, range files fall back to the whole body', async () => {
		const big = httpRangeFile(`${plainUrl}/rssi_sample.parquet`, 1e9, undefined, fetch, {
			wholeLimit: 16 * 1024
		});
		await expect(big.slice(0, 10)).rejects.toBeInstanceOf(NoRangesError);
		const size = (await stat(join(dir, ID, 'rssi_sample.parquet'))).size;
		const f = httpRangeFile(`${plainUrl}/rssi_sample.parquet`, size);
		const tail = new Uint8Array(await f.slice(size - 4, size));
		expect(new TextDecoder().decode(tail)).toBe('PAR1');
		expect(f.ranged()).toBe(false);
		await f.slice(0, 4);
		expect(f.requests()).toBe(1);
	});

	test('a range file tells a transport failure from good bytes (the fallback decision)', async () => {
		const size = (await stat(join(dir, ID, 'rssi_sample.parquet'))).size;
		const m = await mission();
		const url = new URL(m.files.find((x) => x.name === 'rssi_sample.parquet')?.url ?? '', sim.url);
		const ok = httpRangeFile(url.href, size);
		await ok.slice(size - 8, size);
		expect(ok.failed()).toBe(false);
		expect(ok.ranged()).toBe(true);
		const gone = httpRangeFile(`${url.href}.missing`, size);
		await expect(gone.slice(0, 8)).rejects.toThrow(/HTTP 404/);
		expect(gone.failed()).toBe(true);
	});
});

describe('planPiFetch', () => {
	const file = (name: string, bytes: number) => ({ name, bytes, url: `/x/${name}` });
	const m: PiMission = {
		id: 'm',
		url: '/x/',
		files: [
			file('mission.parquet', 6_000),
			file('rssi_sample.parquet', 1_450_000),
			file('vehicle_telemetry.parquet', 1_650_000),
			file('mission.duckdb', 6_570_000)
		]
	};
	test('Parquet by ranges on a slow or unmeasured link', () => {
		expect(planPiFetch(m, { ranges: true, kbps: 4000 }).way).toBe('range-parquet');
		expect(planPiFetch(m, { ranges: null, kbps: null }).way).toBe('range-parquet');
		expect(planPiFetch(m, { ranges: true, kbps: 4000 }).files).toHaveLength(3);
	});
	test('the .duckdb whole on a fast link (no JS decoding)', () => {
		const p = planPiFetch(m, { ranges: true, kbps: 500_000 });
		expect(p.way).toBe('whole');
		expect(p.files.map((f) => f.name)).toEqual(['mission.duckdb']);
	});
	test('whole Parquet when the Pi does not answer ranges', () => {
		const p = planPiFetch(m, { ranges: false, kbps: 4000 });
		expect(p.way).toBe('whole');
		expect(p.files).toHaveLength(3);
	});
	test('only a .duckdb: downloaded whole', () => {
		const only = { ...m, files: [file('mission.duckdb', 6_570_000)] };
		expect(planPiFetch(only, { ranges: true, kbps: 4000 })).toMatchObject({
			way: 'whole',
			files: [{ name: 'mission.duckdb' }]
		});
	});
	test('estimates grow with size and shrink with bandwidth', () => {
		expect(estimateSeconds('duckdb', 6.6, 4000)).toBeGreaterThan(
			estimateSeconds('parquet', 3.1, 4000)
		);
		expect(estimateSeconds('duckdb', 6.6, 1e6)).toBeLessThan(estimateSeconds('parquet', 3.1, 1e6));
	});
});
