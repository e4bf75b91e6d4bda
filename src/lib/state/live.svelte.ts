/**
 * The live page's state: one LiveSession with the Pi, snapshots of it for the panels (text at up
 * to 10 Hz, the strip chart and map at 5 Hz, driven by animation frames so a hidden tab does no
 * UI work), SQL-backed counters after each Arrow batch, the ASOF-joined heat map every 2 s, the
 * review's beacon fit every 5 s, and the sample-to-screen latency (arrival of the newest RSSI
 * frame → the frame that painted it).
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
import { liveCounts, type LiveCountsRow } from '$lib/queries/live-counts';
import { liveHeat, type LiveHeatRow } from '$lib/queries/live-heat';
import { beaconEstimate, type BeaconEstimateRow } from '$lib/queries/spatial-beacon-estimate';

export const PI_KEY = 'pisad.pi';
/** Per Pi: the last live session's origin, kept 12 h (see RowBuilder). */
const ORIGIN_KEY = (hostPort: string) => `pisad.origin.${hostPort}`;
const ORIGIN_KEEP_MS = 12 * 3600_000;
const TEXT_MS = 100;
const PANEL_MS = 200;
const HEAT_MS = 2000;
const FIT_MS = 5000;

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
	counts = $state.raw<LiveCountsRow | null>(null);
	heat = $state.raw<LiveHeatRow[]>([]);
	/** The Pi's search pattern for the map (waypoint path and boundary). */
	pattern = $state.raw<PatternLike | null>(null);
	#pattern: PiPattern | null = null;
	#origin: LiveOrigin | null = null;
	/** The review's beacon fit (log-distance, with its uncertainty radius) over what is recorded. */
	fit = $state.raw<BeaconEstimateRow | null>(null);
	latency = $state.raw<{ p50: number; p95: number; n: number } | null>(null);
	#session: LiveSession | null = null;
	#raf = 0;
	#lastText = 0;
	#lastPanel = 0;
	#lastHeat = 0;
	#lastFit = 0;
	/** Rows written (session counter) when the last fit started. */
	#fitAt = -1;
	#fitting = false;
	#pendingSample = 0;
	#measured = 0;
	#lat: number[] = [];
	#counting = false;
	#again = false;

	constructor(
		readonly app: AppState,
		readonly store: () => RecordingStore | null
	) {}

	get connected(): boolean {
		return this.#session !== null;
	}

	/** Connect to a Pi (`host:port`); remembers the address. Errors become app messages. */
	async connect(address: string) {
		this.disconnect();
		this.fit = null;
		this.#fitAt = -1;
		this.pattern = null;
		this.#pattern = null;
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
				onFlushed: () => void this.#count()
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
		if (now - this.#lastHeat >= HEAT_MS && s.missionId) {
			this.#lastHeat = now;
			void this.#heat(s.missionId);
		}
		// Refit only when rows were written since the last fit (a quiet or dropped link adds none).
		const written = s.counters.written;
		if (now - this.#lastFit >= FIT_MS && s.missionId && !this.#fitting && written !== this.#fitAt) {
			this.#lastFit = now;
			this.#fitAt = written;
			void this.#fit(s.missionId);
		}
		this.#raf = requestAnimationFrame((t) => this.#frame(t));
	}

	/** Counters from DuckDB after a batch landed (coalesced: one query in flight at a time). */
	async #count() {
		const id = this.#session?.missionId;
		if (!id) return;
		if (this.#counting) return void (this.#again = true);
		this.#counting = true;
		try {
			this.counts = await liveCounts(await this.app.db(), id);
		} finally {
			this.#counting = false;
			if (this.#again) {
				this.#again = false;
				void this.#count();
			}
		}
	}

	async #heat(id: string) {
		try {
			this.heat = await liveHeat(await this.app.db(), id, 20);
		} catch {
			// The heat map is a view aid; the next tick retries.
		}
	}

	/** The beacon fit every 5 s (about 0.1 s of the engine's time for an hour of flight). */
	async #fit(id: string) {
		this.#fitting = true;
		try {
			const [row] = await beaconEstimate(await this.app.db(), id);
			this.fit = row?.est_lat_deg != null ? row : null;
		} catch {
			// A view aid like the heat map: the running centroid stands in, the next tick retries.
		} finally {
			this.#fitting = false;
		}
	}

	/** Sample-to-screen latency figures, for the benchmark. */
	latencies(): number[] {
		return [...this.#lat];
	}

	dispose() {
		this.disconnect();
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
		if (!Number.isFinite(o.lat) || !Number.isFinite(o.lon)) return null;
		return { lat: o.lat, lon: o.lon, alt: Number.isFinite(o.alt) ? o.alt : null };
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
