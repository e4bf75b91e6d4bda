/**
 * One live session with a Pi: it turns the link's frames into contract rows under a live
 * mission_id, marks link gaps and feeds the statistics and alerts. The other jobs live beside it:
 * the link (./link), rows out to DuckDB and the recording (./outbox), the Pi's REST side for the
 * state-history backfill and the search pattern (./pi-rest). Framework-free, so Node tests and
 * the benchmark drive it against the Pi simulator.
 */
import type { Db } from '$lib/db/types';
import { parsePiAddress, type PiAddress } from './address';
import { AlertTracker } from './alerts';
import { isKnown, type KnownTransition } from './backfill';
import { PiLink, type LinkStatus, type WsFactory } from './link';
import { LiveOutbox } from './outbox';
import { patternRows, type PiPattern } from './pattern';
import { PatternWatch, fetchMissedTransitions } from './pi-rest';
import { RecentKeys, parseFrame } from './protocol';
import { RowBuilder, type LiveOrigin } from './rows';
import { LiveStats } from './stats';
import { LivePulses } from './pulses';
import { liveMissionRow, type LiveRows } from './tables';
import type { RecordingStore } from './store';

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
	readonly pulses = new LivePulses(); // for the beacon posterior: the page drains them
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
	#link: PiLink;
	#out: LiveOutbox;
	#patterns: PatternWatch;
	#keys = new RecentKeys();
	#known: KnownTransition[] = [];
	#lastT: number | null = null;
	#timers: ReturnType<typeof setInterval>[] = [];
	#backfilling: Promise<number> | null = null;

	constructor(readonly o: SessionOptions) {
		const a = parsePiAddress(o.pi);
		if (!a) throw new Error(`"${o.pi}" is not a Pi address. Use host:port, e.g. 192.168.4.1:8000.`);
		this.address = a;
		this.#out = new LiveOutbox(o.db, o.store ?? null, this.counters, o.onFlushed);
		this.#patterns = new PatternWatch(
			a.http,
			() => o.fetch ?? fetch,
			(p) => {
				const rb = this.rows;
				if (rb) this.#add(patternRows(rb.missionId, p, rb.origin));
			}
		);
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

	/** The Pi's search pattern (waypoints, boundary), fetched at start and on pattern_* events. */
	get pattern(): PiPattern | null {
		return this.#patterns.current;
	}

	/** The last write to DuckDB or to the recording that failed, in words a person can act on. */
	get error(): string | null {
		return this.#out.error;
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
		await this.#patterns.pending;
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
			this.pulses.sample(r);
			this.alerts.sample(r.t, r.snr_db, r.detected, r.system_state);
			this.lastSampleAt = at;
		}
		for (const v of out.vehicle_telemetry ?? []) {
			this.stats.fix(v);
			this.pulses.fix(v);
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
		this.#out.begin(id, this.address.hostPort, t);
		void this.fetchPattern();
	}

	#add(rows: LiveRows) {
		this.#out.add(rows);
	}

	/** True while a state-history backfill is in flight. */
	get backfilling(): boolean {
		return this.#backfilling !== null;
	}

	/** Fetch the Pi's state history and record transitions missed during the gap. */
	async backfill(): Promise<number> {
		const rb = this.rows;
		if (!rb) return 0;
		const get = this.o.fetch ?? fetch;
		const missed = await fetchMissedTransitions(this.address.http, get, this.#known, rb.startedAt);
		for (const h of missed) {
			this.#known.push(h);
			this.#add({ state_transition: [rb.transition(h.t, h.from_state, h.to_state, h.reason, h)] });
		}
		this.counters.backfilled += missed.length;
		return missed.length;
	}

	/** Fetch the Pi's search pattern; a new or changed one is kept for the map and recorded. */
	fetchPattern(): Promise<void> {
		return this.#patterns.fetch();
	}

	/** Append pending rows to DuckDB (one Arrow batch per table, one transaction). */
	flush(): Promise<void> {
		return this.#out.flush();
	}

	/** Write pending rows to the recording store as one chunk. */
	persist(): Promise<void> {
		return this.#out.persist();
	}
}
