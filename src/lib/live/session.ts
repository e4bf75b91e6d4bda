/**
 * One live session with a Pi: the link, frame parsing and de-dup, rows into the contract tables
 * under a live mission_id (Arrow batches every `flushMs`), the recording (a chunk every
 * `persistMs`), gap marking, state-history backfill after a reconnect, and the live statistics.
 * Framework-free, so Node tests and the benchmark drive it against the Pi simulator.
 */
import type { Db } from '$lib/db/types';
import { parsePiAddress, type PiAddress } from './address';
import { ArrowAppender, countRows, mergeRows } from './append';
import { AlertTracker } from './alerts';
import { isKnown, missedTransitions, parseHistory, type KnownTransition } from './backfill';
import { PiLink, type LinkStatus, type WsFactory } from './link';
import { RecentKeys, parseFrame } from './protocol';
import { RowBuilder, liveMissionRow, type LiveOrigin, type LiveRows } from './rows';
import { parsePatternPreview, patternRows, type PiPattern } from './pattern';
import { LiveStats } from './stats';
import type { RecordingMeta, RecordingStore } from './store';

export interface SessionOptions {
	db: Db;
	pi: string;
	store?: RecordingStore | null;
	connect?: WsFactory;
	fetch?: typeof fetch;
	flushMs?: number;
	persistMs?: number;
	/** Called after each batch reached DuckDB. */
	onFlushed?(rows: number): void;
	/** The origin of an earlier session with this Pi, for a session that starts in the air. */
	earlierOrigin?: LiveOrigin | null;
}

export interface Counters {
	frames: number;
	malformed: number;
	ignored: number;
	duplicates: number;
	written: number;
	persisted: number;
	backfilled: number;
}

export class LiveSession {
	readonly address: PiAddress;
	readonly stats = new LiveStats();
	readonly alerts = new AlertTracker();
	readonly counters: Counters = {
		frames: 0,
		malformed: 0,
		ignored: 0,
		duplicates: 0,
		written: 0,
		persisted: 0,
		backfilled: 0
	};
	status: LinkStatus = 'connecting';
	rttMs: number | null = null;
	lastFrameAt: number | null = null;
	/** Receive times (performance.now) of the last second of frames. */
	recent: number[] = [];
	/** Link gaps in Pi time; `to` null while the link is down. */
	gaps: { from: number; to: number | null }[] = [];
	/** Arrival time of the newest RSSI sample (performance.now), for sample-to-screen latency. */
	lastSampleAt = 0;
	rows: RowBuilder | null = null;
	/** The Pi's search pattern (waypoints, boundary), fetched at start and on pattern_* events. */
	pattern: PiPattern | null = null;
	error: string | null = null;
	#link: PiLink;
	#keys = new RecentKeys();
	#known: KnownTransition[] = [];
	#lastT: number | null = null;
	#toDb: LiveRows = {};
	#toStore: LiveRows = {};
	#chunk = 0;
	#meta: RecordingMeta | null = null;
	#appender: ArrowAppender;
	#timers: ReturnType<typeof setInterval>[] = [];
	#flushing: Promise<void> | null = null;
	#backfilling: Promise<number> | null = null;
	#patternFetch: Promise<void> | null = null;
	#patternKey: string | null = null;

	constructor(readonly o: SessionOptions) {
		const a = parsePiAddress(o.pi);
		if (!a) throw new Error(`"${o.pi}" is not a Pi address. Use host:port, e.g. 192.168.4.1:8000.`);
		this.address = a;
		this.#appender = new ArrowAppender(o.db);
		this.#link = new PiLink({
			url: a.ws,
			connect: o.connect,
			onFrame: (text, at) => this.#frame(text, at),
			onStatus: (s) => this.#status(s),
			onPong: (ms) => (this.rttMs = ms)
		});
	}

	get missionId(): string | null {
		return this.rows?.missionId ?? null;
	}

	start() {
		this.#link.start();
		this.#timers.push(setInterval(() => void this.flush(), this.o.flushMs ?? 250));
		this.#timers.push(setInterval(() => void this.persist(), this.o.persistMs ?? 1000));
	}

	/** Stop the link and write everything still pending. */
	async stop() {
		this.#link.stop();
		for (const t of this.#timers) clearInterval(t);
		this.#timers = [];
		const open = this.gaps.at(-1);
		if (open && open.to === null && this.rows)
			this.#add({ safety_event: [this.rows.gap(open.from, null)] });
		await this.#backfilling;
		await this.#patternFetch;
		await this.flush();
		await this.persist();
	}

	#status(s: LinkStatus) {
		const was = this.status;
		this.status = s;
		const now = Date.now();
		if (s === 'reconnecting' && was === 'connected' && this.#lastT !== null) {
			this.gaps.push({ from: this.#lastT, to: null });
			this.alerts.link(this.#lastT, 'Link lost: reconnecting');
		}
		if (s === 'connected' && this.gaps.at(-1)?.to === null) {
			const run = this.backfill().finally(() => {
				if (this.#backfilling === run) this.#backfilling = null;
			});
			this.#backfilling = run;
		}
		if (s === 'connected' && was === 'reconnecting') {
			this.alerts.link(this.#lastT ?? now, 'Link back', 'info');
			void this.fetchPattern(); // it may have changed while the link was down
		}
	}

	#frame(text: string, at: number) {
		this.counters.frames++;
		this.lastFrameAt = at;
		this.recent.push(at);
		if (this.recent.length > 400 || (this.recent[0] ?? at) < at - 1000)
			this.recent = this.recent.filter((x) => x >= at - 1000);
		const p = parseFrame(text);
		if (p.kind === 'malformed') return void this.counters.malformed++;
		if (p.kind === 'ignored') {
			// The plan changes with a new pattern; progress events (pattern_update at each waypoint)
			// only matter while none is known yet (e.g. the first fetch failed).
			if (p.type === 'pattern_created' || (!this.pattern && p.type.startsWith('pattern_')))
				void this.fetchPattern();
			return void this.counters.ignored++;
		}
		const m = p.msg;
		if (m.type === 'pong') return;
		if (!this.#keys.add(p.key)) return void this.counters.duplicates++;
		if (!this.rows) this.#begin(m.t);
		const rb = this.rows as RowBuilder;
		this.#lastT = Math.max(this.#lastT ?? m.t, m.t);
		const gap = this.gaps.at(-1);
		if (gap && gap.to === null && m.t > gap.from) {
			gap.to = m.t;
			this.#add({ safety_event: [rb.gap(gap.from, m.t)] });
		}
		if (m.type === 'state_change') {
			const k = { t: m.t, from_state: m.from_state, to_state: m.to_state };
			if (isKnown(this.#known, k)) return;
			this.#known.push(k);
		}
		const out = rb.rows(m);
		for (const r of out.rssi_sample ?? []) {
			this.stats.rssi(r);
			this.alerts.sample(r.t, r.snr_db, r.detected, r.system_state);
			this.lastSampleAt = at;
		}
		for (const v of out.vehicle_telemetry ?? []) {
			this.stats.fix(v);
			this.alerts.battery(v.t, v.battery_pct);
		}
		for (const d of out.detection ?? []) this.stats.detection(d);
		this.#add(out);
	}

	#begin(t: number) {
		const stamp = new Date(t).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
		// A random tail: two sessions started in the same second must not share a mission id.
		const id = `live-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
		this.rows = new RowBuilder(id, t, this.o.earlierOrigin ?? null);
		this.#add({ mission: [liveMissionRow(id, t, this.address.hostPort)] });
		this.#meta = {
			id,
			mission_id: id,
			pi: this.address.hostPort,
			started_at: t,
			updated_at: Date.now(),
			rows: 0,
			chunks: 0
		};
		void this.fetchPattern();
	}

	#add(rows: LiveRows) {
		mergeRows(this.#toDb, rows);
		mergeRows(this.#toStore, rows);
	}

	/** True while a state-history backfill is in flight. */
	get backfilling(): boolean {
		return this.#backfilling !== null;
	}

	/** Fetch the Pi's state history and record transitions missed during the gap. */
	async backfill(): Promise<number> {
		const rb = this.rows;
		if (!rb) return 0;
		try {
			const f = this.o.fetch ?? fetch;
			const res = await f(`${this.address.http}/api/system/state-history?limit=100`);
			if (!res.ok) return 0;
			const missed = missedTransitions(parseHistory(await res.json()), this.#known, rb.startedAt);
			for (const h of missed) {
				this.#known.push(h);
				const row = rb.transition(h.t, h.from_state, h.to_state, h.reason, h);
				this.#add({ state_transition: [row] });
			}
			this.counters.backfilled += missed.length;
			return missed.length;
		} catch {
			return 0; // the link may have dropped again; the next reconnect retries
		}
	}

	/**
	 * Fetch the Pi's search pattern; a new or changed one is kept for the map and recorded. One
	 * request at a time: events arriving meanwhile are answered by the one in flight.
	 */
	fetchPattern(): Promise<void> {
		if (this.#patternFetch) return this.#patternFetch;
		const run = (async () => {
			try {
				const f = this.o.fetch ?? fetch;
				const res = await f(`${this.address.http}/api/search/pattern/preview`);
				if (!res.ok) return;
				const p = parsePatternPreview(await res.json());
				const key = p && JSON.stringify(p);
				if (!p || key === this.#patternKey) return;
				this.#patternKey = key;
				this.pattern = p;
				const rb = this.rows;
				if (rb) this.#add(patternRows(rb.missionId, p, rb.origin));
			} catch {
				// No pattern (a Pi without one, or the link dropped): the next event or reconnect retries.
			}
		})().finally(() => (this.#patternFetch = null));
		this.#patternFetch = run;
		return run;
	}

	/** Append pending rows to DuckDB (one Arrow batch per table, one transaction). */
	async flush(): Promise<void> {
		if (this.#flushing) return this.#flushing;
		const batch = this.#toDb;
		if (countRows(batch) === 0) return;
		this.#toDb = {};
		this.#flushing = (async () => {
			try {
				const n = await this.#appender.append(batch);
				this.counters.written += n;
				this.o.onFlushed?.(n);
			} catch (e) {
				this.error = `Could not write live data to DuckDB: ${e instanceof Error ? e.message : String(e)}`;
			} finally {
				this.#flushing = null;
			}
		})();
		return this.#flushing;
	}

	/** Write pending rows to the recording store as one chunk. */
	async persist(): Promise<void> {
		const store = this.o.store;
		const meta = this.#meta;
		const chunk = this.#toStore;
		const n = countRows(chunk);
		if (!store || !meta || n === 0) return;
		this.#toStore = {};
		meta.rows += n;
		meta.chunks = ++this.#chunk;
		meta.updated_at = Date.now();
		try {
			await store.write({ ...meta }, this.#chunk, chunk);
			this.counters.persisted = meta.rows;
		} catch (e) {
			mergeRows(chunk, this.#toStore); // keep it for the next try
			this.#toStore = chunk;
			this.error = `Could not save the recording in this browser: ${e instanceof Error ? e.message : String(e)}`;
		}
	}
}
