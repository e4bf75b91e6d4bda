/**
 * A PISAD Pi on localhost: replays a simulated mission over the Pi's real protocol
 * (WebSocket `/ws` with `{type, data}` messages, REST under /api) with fault injection, and
 * serves recorded missions (contract Parquet / .duckdb) with HTTP Range requests and CORS.
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { MissionTables } from '../../lib/contract';
import { pyIsoNaive, simulateMission, type ScenarioName, type WsMessage } from '../../lib/sim';
import { MALFORMED_FRAMES, faultRng, restamp, timeline, type Faults } from './replay';
import { httpHandler } from './http';
import { Link, type LinkOptions, type ServedRequest } from './link';

export interface PiSimOptions {
	scenario: ScenarioName;
	seed: number;
	/** Mission-time multiplier: 1 = real time, 8 = eight times faster. */
	speed: number;
	port: number;
	host?: string;
	faults?: Faults;
	/** Folder of recorded missions (one subfolder each) offered for download. */
	missionsDir?: string;
	/** Start this many mission seconds in (skip the pre-flight). */
	startAt_s?: number;
	/** Stop replaying at this mission second (a short flight for tests); default: the whole mission. */
	endAt_s?: number;
	/** The radio link for mission downloads: bandwidth and latency (default: unlimited). */
	link?: LinkOptions;
}

export interface PiSimStats {
	/** Messages due so far (mission time reached), by type. */
	due: Record<string, number>;
	/**
	 * Messages actually written to at least one open client, by type (duplicates not counted),
	 * counted when written: a message held back by `reorder` or delayed by `jitter` that meets a
	 * link drop counts as lost, not sent.
	 */
	sent: Record<string, number>;
	/** Messages that fell into a link drop, by type. */
	lost: Record<string, number>;
	/** Link drops as mission-time ranges (ms since mission start). */
	gaps: { from_ms: number; to_ms: number | null }[];
	clients: number;
	mission_time_ms: number;
	done: boolean;
}

export interface PiSim {
	url: string;
	stats(): PiSimStats;
	/** The simulated mission being replayed (truth for tests). */
	tables: MissionTables;
	/** File requests served under /api/missions/ (also at GET /api/sim/requests). */
	requests(): ServedRequest[];
	close(): Promise<void>;
}

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

/** Start the simulator; resolves when it listens. */
export async function startPiSim(opts: PiSimOptions): Promise<PiSim> {
	const sim = simulateMission({ seed: opts.seed, scenario: opts.scenario });
	const endMs = (opts.endAt_s ?? Infinity) * 1000;
	const events = timeline(sim.ws).filter((e) => e.msg.type !== 'connection' && e.at_ms <= endMs);
	const missionStartMs = sim.tables.mission[0]?.started_at ?? 0;
	const firstMsgMs = missionStartMs + (events[0]?.at_ms ?? 0);
	const skipMs = (opts.startAt_s ?? 0) * 1000;
	const wallStart = Date.now();
	// Restamp so the mission (from startAt) appears to be happening now.
	const shiftMs = wallStart - (firstMsgMs + skipMs);
	const faults = opts.faults ?? {};
	const rand = faultRng(opts.seed * 7919 + 1);
	const stats: PiSimStats = {
		due: {},
		sent: {},
		lost: {},
		gaps: [],
		clients: 0,
		mission_time_ms: 0,
		done: false
	};
	let cursor = events.findIndex((e) => e.at_ms >= skipMs);
	if (cursor < 0) cursor = events.length;
	let latestState: Record<string, unknown> | undefined;
	let held: WsMessage | null = null;
	let linkUp = true;
	let firstClientAt: number | null = null;

	const link = new Link(opts.link);
	const clients = new Set<WebSocket>();
	const wss = new WebSocketServer({ noServer: true });
	const missionNow = () => skipMs + (Date.now() - wallStart) * opts.speed;

	function isDown(): boolean {
		const every = faults.dropEvery_s ?? 0;
		const dur = faults.dropFor_s ?? 0;
		if (!every || !dur || firstClientAt === null) return false;
		const el = (Date.now() - firstClientAt) / 1000;
		return el >= every && el % every < dur;
	}

	function write(text: string): number {
		let n = 0;
		for (const c of clients)
			if (c.readyState === c.OPEN) {
				c.send(text);
				n++;
			}
		return n;
	}

	function deliver(msg: WsMessage) {
		const text = JSON.stringify(msg);
		const jitter = faults.jitterMs ? rand() * faults.jitterMs : 0;
		const send = () => {
			if (!linkUp || write(text) === 0) return void bump(stats.lost, msg.type);
			bump(stats.sent, msg.type);
			if (faults.duplicate && rand() < faults.duplicate) write(text);
		};
		if (jitter > 0) setTimeout(send, jitter);
		else send();
		if (faults.malformed && rand() < faults.malformed) {
			write(MALFORMED_FRAMES[Math.floor(rand() * MALFORMED_FRAMES.length)] as string);
		}
	}

	const tick = setInterval(() => {
		const now = missionNow();
		stats.mission_time_ms = now;
		const down = isDown();
		if (down && linkUp) {
			linkUp = false;
			stats.gaps.push({ from_ms: now, to_ms: null });
			// Close (not terminate) so what was already counted as sent reaches the client: a
			// terminate() resets the TCP connection and the peer may discard data it has not read.
			for (const c of clients) {
				c.close(4000, 'simulated link drop');
				setTimeout(() => c.terminate(), 1000).unref();
			}
			if (held) bump(stats.lost, held.type);
			held = null;
		} else if (!down && !linkUp) {
			linkUp = true;
			const g = stats.gaps.at(-1);
			if (g) g.to_ms = now;
		}
		while (cursor < events.length && (events[cursor]?.at_ms ?? Infinity) <= now) {
			const e = events[cursor++] as (typeof events)[number];
			const msg = restamp(e.msg, shiftMs);
			bump(stats.due, msg.type);
			if (msg.type === 'state') latestState = msg.data;
			if (!linkUp || clients.size === 0) {
				if (!linkUp) bump(stats.lost, msg.type);
				continue;
			}
			if (faults.reorder && !held && rand() < faults.reorder) {
				held = msg;
				continue;
			}
			deliver(msg);
			if (held) {
				deliver(held);
				held = null;
			}
		}
		if (cursor >= events.length) {
			if (held && linkUp) deliver(held);
			held = null;
			stats.done = true;
		}
	}, 10);

	const server = createServer(
		httpHandler({
			tables: sim.tables,
			stats,
			link,
			missionsDir: opts.missionsDir,
			about: { scenario: opts.scenario, seed: opts.seed, speed: opts.speed },
			shiftMs,
			linkUp: () => linkUp,
			latestState: () => latestState,
			// The replay stops at endAt_s, and so does the Pi's persisted history.
			nowEpoch: () => firstMsgMs + Math.min(missionNow(), endMs)
		})
	);

	server.on('upgrade', (req, socket, head) => {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		if (path !== '/ws' || !linkUp) {
			socket.write('HTTP/1.1 503 Service Unavailable\r\n\r\n');
			socket.destroy();
			return;
		}
		wss.handleUpgrade(req, socket, head, (ws) => {
			clients.add(ws);
			firstClientAt ??= Date.now();
			stats.clients = clients.size;
			// Mission time is restamped onto the wall clock, so "now" is simply utcnow().
			ws.send(
				JSON.stringify({
					type: 'connection',
					data: { status: 'connected', timestamp: pyIsoNaive(Date.now()) }
				})
			);
			ws.on('message', (raw) => {
				try {
					const m = JSON.parse(String(raw)) as { type?: unknown };
					if (m.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
				} catch {
					// The Pi ignores frames it cannot parse; so do we.
				}
			});
			ws.on('close', () => {
				clients.delete(ws);
				stats.clients = clients.size;
			});
		});
	});

	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(opts.port, opts.host ?? '127.0.0.1', ok);
	});
	const addr = server.address();
	const port = typeof addr === 'object' && addr ? addr.port : opts.port;
	return {
		url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
		stats: () => structuredClone(stats),
		tables: sim.tables,
		requests: () => structuredClone(link.log),
		close: async () => {
			clearInterval(tick);
			for (const c of clients) c.terminate();
			wss.close();
			await new Promise<void>((ok) => server.close(() => ok()));
		}
	};
}
