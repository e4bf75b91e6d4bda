/**
 * The live window, computed incrementally in JS (measured-anchors.md: a percentile over the last
 * samples costs 13–32 ms as a query over the whole table, a ring buffer answers at once): the
 * Pi's p10 noise floor over the last 100 samples, the last 60 s of RSSI / noise / SNR for the strip
 * chart, the detection log, the running beacon estimate and the local RSSI gradient.
 */
import { PI_SIGNAL } from '$lib/contract';
import { RollingPercentile, planeFitGradient, type GradientFit } from '$lib/signal';
import type { DetectionRow, RssiSampleRow, VehicleTelemetryRow } from '$lib/contract';

export interface StripPoint {
	t: number;
	rssi_dbm: number;
	noise_floor_dbm: number | null;
	snr_db: number | null;
}
/** A positioned moment of the live trail (contract column names: `lat_deg`, `north_m`, …). */
export interface Fix {
	t: number;
	lat_deg: number;
	lon_deg: number;
	north_m: number;
	east_m: number;
	rssi_dbm?: number;
}
export interface BeaconEstimate {
	lat_deg: number;
	lon_deg: number;
	n: number;
}

const STRIP_S = 60;
const TOP_K = 20;
const TRAIL_MAX = 2000;

export class LiveStats {
	readonly p10 = new RollingPercentile(PI_SIGNAL.noiseWindowSamples, PI_SIGNAL.noisePercentile);
	strip: StripPoint[] = [];
	trail: Fix[] = [];
	detections: DetectionRow[] = [];
	last: RssiSampleRow | null = null;
	lastFix: VehicleTelemetryRow | null = null;
	lastDetectedT: number | null = null;
	#top: Fix[] = [];
	#recent: Fix[] = [];

	rssi(r: RssiSampleRow) {
		if (r.rssi_dbm === null) return;
		this.p10.push(r.rssi_dbm);
		this.last = r;
		if (r.snr_db !== null && r.snr_db > PI_SIGNAL.snrDropDb) this.lastDetectedT = r.t;
		this.strip.push({
			t: r.t,
			rssi_dbm: r.rssi_dbm,
			noise_floor_dbm: r.noise_floor_dbm,
			snr_db: r.snr_db
		});
		// Drop what left the 60 s window (amortised: cut in blocks, not one shift per sample).
		const cut = this.strip.findIndex((p) => p.t >= r.t - STRIP_S * 1000);
		if (cut > 64) this.strip = this.strip.slice(cut);
		const f = this.trail.at(-1);
		if (!f) return;
		const here: Fix = { ...f, t: r.t, rssi_dbm: r.rssi_dbm };
		this.#recent.push(here);
		if (this.#recent.length > 200) this.#recent.splice(0, 100);
		// Only the beacon counts: above the trigger level. At the drop level (6 dB) the noise alone
		// passes a few percent of the time, and a crew would be shown a beacon that is not there.
		if (r.snr_db !== null && r.snr_db >= PI_SIGNAL.snrTriggerDb) this.#keepTop(here);
	}

	fix(v: VehicleTelemetryRow) {
		this.lastFix = v;
		if (v.lat_deg === null || v.lon_deg === null || v.north_m === null || v.east_m === null) return;
		this.trail.push({
			t: v.t,
			lat_deg: v.lat_deg,
			lon_deg: v.lon_deg,
			north_m: v.north_m,
			east_m: v.east_m
		});
		if (this.trail.length > TRAIL_MAX) this.trail.splice(0, TRAIL_MAX / 4);
	}

	detection(d: DetectionRow) {
		this.detections.unshift(d);
		if (this.detections.length > 50) this.detections.length = 50;
	}

	/** Noise floor as the Pi computes it (−85 dBm until 10 samples). */
	noiseFloor(): number | null {
		if (this.p10.size === 0) return null;
		return this.p10.size < PI_SIGNAL.noiseMinSamples ? PI_SIGNAL.noiseDefaultDbm : this.p10.value();
	}

	/**
	 * RSSI-power-weighted centroid of the strongest positions heard above the trigger level (a
	 * running estimate); null until three such samples.
	 */
	beacon(): BeaconEstimate | null {
		const top = this.#top;
		if (top.length < 3) return null;
		const max = top[0]?.rssi_dbm ?? 0;
		let w = 0;
		let lat = 0;
		let lon = 0;
		for (const f of top) {
			const k = 10 ** (((f.rssi_dbm ?? max) - max) / 10);
			w += k;
			lat += k * f.lat_deg;
			lon += k * f.lon_deg;
		}
		return { lat_deg: lat / w, lon_deg: lon / w, n: top.length };
	}

	/** Plane fit over the last 10 s of positioned samples (pisad-domain.md §4). */
	gradient(): GradientFit | null {
		const end = this.#recent.at(-1)?.t ?? 0;
		const xs = this.#recent
			.filter((f) => f.t >= end - 10_000)
			.map((f) => ({ north_m: f.north_m, east_m: f.east_m, rssi_dbm: f.rssi_dbm ?? 0 }));
		return planeFitGradient(xs);
	}

	#keepTop(f: Fix) {
		const top = this.#top;
		if (top.length >= TOP_K && (f.rssi_dbm ?? -Infinity) <= (top.at(-1)?.rssi_dbm ?? -Infinity))
			return;
		const i = top.findIndex((x) => (x.rssi_dbm ?? -Infinity) < (f.rssi_dbm ?? -Infinity));
		top.splice(i < 0 ? top.length : i, 0, f);
		if (top.length > TOP_K) top.length = TOP_K;
	}
}
