/**
 * The live posterior's input (issue 16 item 5): the strongest RSSI sample of each beacon pulse
 * period with the drone's position at that sample, interpolated between its telemetry fixes, as
 * `beacon_observations.sql` gives them in review. A period's peak is final when a sample of a
 * later period arrives; it is handed out once. Keyed by time: a sample of a period already handed
 * out (a radio link that reconnects and repeats itself) is dropped, so nothing is added twice.
 */
import type { BeaconObservation } from '$lib/beacon';
import type { RssiSampleRow, VehicleTelemetryRow } from '$lib/contract';

/** A telemetry fix and a sample: the two halves of an observation. */
type Fix = Pick<BeaconObservation, 't_rel_s' | 'north_m' | 'east_m' | 'alt_rel_m'>;
type Sample = Pick<BeaconObservation, 't_rel_s' | 'rssi_dbm' | 'snr_db' | 'noise_floor_dbm'>;

/** Fixes kept for interpolation (a few seconds at the Pi's telemetry rate). */
const FIXES = 64;
/** Peaks kept when nobody drains them (a page without a worker): two hours of pulses. */
const MAX_PENDING = 7200;

/** Pulse peaks of a live stream, in time order, each handed out once. */
export class LivePulses {
	#fixes: Fix[] = [];
	#period: number | null = null;
	#best: Sample | null = null;
	/** Last period handed out (or dropped): samples at or before it are repeats. */
	#done = -Infinity;
	#pending: BeaconObservation[] = [];
	/** Samples dropped as repeats of a period already handed out. */
	repeats = 0;

	constructor(readonly periodS = 1) {}

	/** A telemetry row: its position (relative to the live origin) for the samples around it. */
	fix(v: VehicleTelemetryRow): void {
		if (v.north_m === null || v.east_m === null) return;
		const last = this.#fixes.at(-1);
		if (last && v.t_rel_s <= last.t_rel_s) return;
		this.#fixes.push({
			t_rel_s: v.t_rel_s,
			north_m: v.north_m,
			east_m: v.east_m,
			alt_rel_m: v.alt_rel_m ?? 0
		});
		if (this.#fixes.length > FIXES) this.#fixes.splice(0, FIXES / 2);
	}

	/** An RSSI sample. */
	sample(r: RssiSampleRow): void {
		if (r.rssi_dbm === null) return;
		const k = Math.floor(r.t_rel_s / this.periodS);
		if (k <= this.#done || (this.#period !== null && k < this.#period)) {
			this.repeats++;
			return;
		}
		if (this.#period !== null && k > this.#period) this.#close();
		this.#period = k;
		if (this.#best && r.rssi_dbm <= this.#best.rssi_dbm) return;
		this.#best = {
			t_rel_s: r.t_rel_s,
			rssi_dbm: r.rssi_dbm,
			snr_db: r.snr_db ?? 0,
			noise_floor_dbm: r.noise_floor_dbm ?? -109
		};
	}

	/** The peaks completed since the last call, in time order. */
	drain(): BeaconObservation[] {
		const out = this.#pending;
		this.#pending = [];
		return out;
	}

	#close() {
		const s = this.#best;
		this.#done = this.#period ?? this.#done;
		this.#best = null;
		const at = s && this.#at(s.t_rel_s);
		if (!s || !at) return;
		this.#pending.push({ ...s, ...at });
		if (this.#pending.length > MAX_PENDING) this.#pending.splice(0, MAX_PENDING / 2);
	}

	/** Position at `t`: interpolated between the fixes around it, else the nearest earlier one. */
	#at(t: number): Omit<Fix, 't_rel_s'> | null {
		const f = this.#fixes;
		let i = f.length - 1;
		while (i >= 0 && (f[i] as Fix).t_rel_s > t) i--;
		const a = f[i];
		if (!a) return null;
		const b = f[i + 1];
		const w = b ? (t - a.t_rel_s) / (b.t_rel_s - a.t_rel_s) : 0;
		const lerp = (x: number, y: number | undefined) => x + w * ((y ?? x) - x);
		return {
			north_m: lerp(a.north_m, b?.north_m),
			east_m: lerp(a.east_m, b?.east_m),
			alt_rel_m: lerp(a.alt_rel_m, b?.alt_rel_m)
		};
	}
}
