/**
 * The live session against the Pi simulator, in Node with the same DuckDB-WASM engine: link
 * drops, duplicated, reordered and malformed frames. What reaches DuckDB must equal what the
 * simulator sent while connected, with no duplicates, and the missed state transitions must be
 * backfilled from the state history, once each.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import { startPiSim, type PiSim } from '../../node/pi-sim/server';
import type { WsLike } from './link';
import { LiveSession } from './session';

const connect = (url: string) => new WebSocket(url) as unknown as WsLike;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live session vs the Pi simulator with faults', () => {
	let db: Db;
	let sim: PiSim;
	let session: LiveSession;

	beforeAll(async () => {
		db = await openNodeDb();
		// Mission 250..330 s (detections, homing, signal lost) at 10×: 8 s, a 1.5 s drop at 3 s.
		sim = await startPiSim({
			scenario: 'open-field',
			seed: 1,
			speed: 10,
			port: 0,
			startAt_s: 250,
			endAt_s: 330,
			faults: { dropEvery_s: 3, dropFor_s: 1.5, duplicate: 0.1, reorder: 0.05, malformed: 0.02 }
		});
		session = new LiveSession({ db, pi: sim.url, connect, flushMs: 100, persistMs: 1000 });
		session.start();
		const t0 = Date.now();
		while (!sim.stats().done && Date.now() - t0 < 30_000) await sleep(100);
		// The link may still be coming back (backoff) after the last drop: wait for it and the backfill.
		while ((session.status !== 'connected' || session.backfilling) && Date.now() - t0 < 40_000)
			await sleep(100);
		await sleep(300);
		await session.stop();
	}, 60_000);

	afterAll(async () => {
		await sim?.close();
		await db?.close();
	});

	const count = async (table: string) =>
		(
			await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE mission_id = $1`, [
				session.missionId
			])
		)[0]?.n;

	test('recorded rows = what the simulator sent while connected, nothing duplicated', async () => {
		const s = sim.stats();
		expect(s.gaps.length).toBeGreaterThanOrEqual(1);
		expect(s.lost.rssi ?? 0).toBeGreaterThan(0);
		expect(await count('rssi_sample')).toBe(s.sent.rssi);
		expect(await count('vehicle_telemetry')).toBe(s.sent.telemetry);
		const dup = await db.query<{ n: number }>(
			`SELECT count(*) AS n FROM (SELECT t FROM rssi_sample WHERE mission_id = $1
			 GROUP BY t HAVING count(*) > 1)`,
			[session.missionId]
		);
		expect(dup[0]?.n).toBe(0);
		expect(session.counters.duplicates).toBeGreaterThan(0);
		expect(session.counters.malformed).toBeGreaterThan(0);
	});

	test('the gap is recorded as a link_gap safety event', async () => {
		const gaps = await db.query<{ n: number }>(
			`SELECT count(*) AS n FROM safety_event WHERE mission_id = $1 AND event_type = 'link_gap'`,
			[session.missionId]
		);
		expect(gaps[0]?.n).toBeGreaterThanOrEqual(1);
	});

	test('state transitions missed in the gap are backfilled once', async () => {
		let res = await fetch(`${sim.url}/api/system/state-history?limit=100`);
		// The simulated link keeps dropping after the flight ends; the REST API drops with it.
		while (!res.ok) {
			await sleep(200);
			res = await fetch(`${sim.url}/api/system/state-history?limit=100`);
		}
		const body = (await res.json()) as { history: { timestamp: string; to_state: string }[] };
		const started = session.rows?.startedAt ?? 0;
		const expected = body.history.filter((h) => Date.parse(h.timestamp) >= started).length;
		expect(expected).toBeGreaterThan(3);
		const got = await db.query<{ t: number; from_state: string; to_state: string }>(
			'SELECT t, from_state, to_state FROM state_transition WHERE mission_id = $1 ORDER BY t',
			[session.missionId]
		);
		if (got.length !== expected)
			console.log(
				JSON.stringify(body.history.filter((h) => Date.parse(h.timestamp) >= started)),
				JSON.stringify(got.map((g) => [new Date(g.t).toISOString(), g.from_state, g.to_state])),
				JSON.stringify(sim.stats().gaps),
				session.counters
			);
		expect(await count('state_transition')).toBe(expected);
		expect(session.counters.backfilled).toBeGreaterThan(0);
	});

	test('the search pattern is fetched and recorded once, with every waypoint', async () => {
		let res = await fetch(`${sim.url}/api/search/pattern/preview`);
		while (!res.ok) {
			await sleep(200);
			res = await fetch(`${sim.url}/api/search/pattern/preview`);
		}
		const body = (await res.json()) as { waypoints: unknown[] };
		expect(body.waypoints.length).toBeGreaterThan(3);
		expect(session.pattern?.waypoints.length).toBe(body.waypoints.length);
		expect(await count('waypoint')).toBe(body.waypoints.length);
		expect(await count('search_pattern')).toBe(1);
	});
});
