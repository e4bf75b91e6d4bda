/**
 * The live page's state: one LiveSession with the Pi, snapshots of it for the panels (text at up
 * to 10 Hz, the strip chart and map at 5 Hz, driven by animation frames so a hidden tab does no
 * UI work), the SQL panels of `$lib/panels/live` run by a coordinator (counters after each Arrow
 * batch, the heat map and the beacon fit on their periods), the beacon posterior (./live-posterior:
 * regions and next leg from the beacon worker) and the sample-to-screen latency (arrival of the
 * newest RSSI frame → the frame that painted it).
 */
import type { AppState } from './app.svelte';
import { LiveSession } from '$lib/live/session';
import { liveView, type LiveView } from '$lib/live/view';
import type { Fix, StripPoint } from '$lib/live/stats';
import type { RecordingStore } from '$lib/live/store';
import { patternView, type PiPattern } from '$lib/live/pattern';
import type { LiveOrigin } from '$lib/live/rows';
import { parsePiAddress } from '$lib/live/address';
import type { PatternLike } from '$lib/transforms/map-features';
import { Coordinator } from '$lib/coordinator';
import { livePanels } from '$lib/panels/live';
import { LivePosteriorState } from './live-posterior.svelte';

export const PI_KEY = 'pisad.pi';
/** Per Pi: the last live session's origin, kept 12 h (see RowBuilder). */
const ORIGIN_KEY = (hostPort: string) => `pisad.origin.${hostPort}`;
const ORIGIN_KEEP_MS = 12 * 3600_000;
const TEXT_MS = 100;
const PANEL_MS = 200;

export interface StripData {
	points: StripPoint[];
	gaps: { from: number; to: number | null }[];
	end: number;
}

export class LiveState {
	address = $state('');
	view = $state.raw<LiveView | null>(null);
	strip = $state.raw<StripData | null>(null);
	trail = $state.raw<Fix[]>([]);
	/** The Pi's search pattern for the map (waypoint path and boundary). */
	pattern = $state.raw<PatternLike | null>(null);
	#pattern: PiPattern | null = null;
	#origin: LiveOrigin | null = null;
	/** The SQL panels over what is recorded: `counts`, `heat`, `fit` (the review's beacon fit). */
	readonly panels;
	#coordinator: Coordinator<typeof livePanels>;
	latency = $state.raw<{ p50: number; p95: number; n: number } | null>(null);
	/** The beacon posterior's regions and next leg, updated once a second off the main thread. */
	readonly posterior: LivePosteriorState;
	#session: LiveSession | null = null;
	#raf = 0;
	#lastText = 0;
	#lastPanel = 0;
	#pendingSample = 0;
	#measured = 0;
	#lat: number[] = [];

	constructor(
		readonly app: AppState,
		readonly store: () => RecordingStore | null
	) {
		this.#coordinator = new Coordinator(() => app.db(), livePanels);
		this.posterior = new LivePosteriorState(app);
		this.panels = this.#coordinator.panels;
	}

	get connected(): boolean {
		return this.#session !== null;
	}

	/** Connect to a Pi (`host:port`); remembers the address. Errors become app messages. */
	async connect(address: string) {
		this.disconnect();
		this.#coordinator.open(null);
		this.pattern = null;
		this.#pattern = null;
		this.posterior.reset();
		this.address = address.trim();
		try {
			// Its own connection: the recorder's batch transactions must not nest inside a file
			// load's transaction running on the app's connection at the same time.
			const main = await this.app.db();
			const db = (await main.fork?.()) ?? main;
			const s = new LiveSession({
				db,
				pi: this.address,
				earlierOrigin: readOrigin(this.address),
				store: this.store(),
				onFlushed: () => this.#coordinator.request('counts')
			});
			localStorage.setItem(PI_KEY, s.address.hostPort);
			this.#session = s;
			s.start();
			this.#raf = requestAnimationFrame((t) => this.#frame(t));
		} catch (e) {
			this.app.say('error', e instanceof Error ? e.message : String(e));
		}
	}

	/** Stop the link; the recorded rows stay in DuckDB and in the recording. */
	disconnect() {
		const s = this.#session;
		this.#session = null;
		cancelAnimationFrame(this.#raf);
		this.#coordinator.stop();
		if (s) void s.stop().then(() => this.app.refresh());
		if (s && this.view) this.view = { ...this.view, status: 'closed' };
	}

	get missionId(): string | null {
		return this.view?.missionId ?? null;
	}

	#frame(now: number) {
		const s = this.#session;
		if (!s) return;
		// The newest sample shown by the previous frame's update has been painted by now.
		if (this.#pendingSample) {
			this.#lat.push(now - this.#pendingSample);
			if (this.#lat.length > 2000) this.#lat.splice(0, 1000);
			this.#pendingSample = 0;
		}
		if (now - this.#lastText >= TEXT_MS) {
			this.#lastText = now;
			this.view = liveView(s, now);
			if (s.lastSampleAt > this.#measured) {
				this.#measured = s.lastSampleAt;
				this.#pendingSample = s.lastSampleAt;
			}
			if (this.#lat.length >= 10) this.latency = percentiles(this.#lat);
		}
		if (now - this.#lastPanel >= PANEL_MS) {
			this.#lastPanel = now;
			const pts = s.stats.strip;
			this.strip = { points: [...pts], gaps: this.view?.gaps ?? [], end: pts.at(-1)?.t ?? 0 };
			this.trail = [...s.stats.trail];
			const o = s.rows?.origin;
			if (o && o !== this.#origin) {
				this.#origin = o;
				saveOrigin(s.address.hostPort, o);
			}
			if (s.pattern !== this.#pattern) {
				this.#pattern = s.pattern;
				this.pattern = patternView(s.pattern);
			}
		}
		this.#context(s.missionId, s.counters.written);
		this.posterior.tick(s, now, () => this.#session === s);
		this.#raf = requestAnimationFrame((t) => this.#frame(t));
	}

	/** The SQL panels follow the session: a new mission opens them, more rows update them. */
	#context(missionId: string | null, written: number) {
		const ctx = this.#coordinator.context;
		if (!missionId) return;
		if (ctx?.missionId !== missionId) this.#coordinator.open({ missionId, written });
		else if (ctx.written !== written) this.#coordinator.update({ missionId, written });
	}

	/** Sample-to-screen latency figures, for the benchmark. */
	latencies(): number[] {
		return [...this.#lat];
	}

	dispose() {
		this.disconnect();
		this.#coordinator.dispose();
		this.posterior.dispose();
	}
}

function percentiles(xs: number[]): { p50: number; p95: number; n: number } {
	const s = [...xs].sort((a, b) => a - b);
	const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? NaN;
	return { p50: at(0.5), p95: at(0.95), n: s.length };
}

function readOrigin(address: string): LiveOrigin | null {
	const a = parsePiAddress(address);
	if (!a) return null;
	try {
		const o = JSON.parse(localStorage.getItem(ORIGIN_KEY(a.hostPort)) ?? 'null') as
			(LiveOrigin & { savedAt: number }) | null;
		if (!o || Date.now() - o.savedAt > ORIGIN_KEEP_MS) return null;
		// An origin saved under older field names (lat, lon) fails this test: it is taken again.
		if (!Number.isFinite(o.lat_deg) || !Number.isFinite(o.lon_deg)) return null;
		return {
			lat_deg: o.lat_deg,
			lon_deg: o.lon_deg,
			alt_amsl_m: Number.isFinite(o.alt_amsl_m) ? o.alt_amsl_m : null
		};
	} catch {
		return null;
	}
}

function saveOrigin(hostPort: string, o: LiveOrigin) {
	try {
		localStorage.setItem(ORIGIN_KEY(hostPort), JSON.stringify({ ...o, savedAt: Date.now() }));
	} catch {
		// A full or forbidden storage only loses this convenience.
	}
}
