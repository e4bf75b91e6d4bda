/**
 * The posterior's input: one observation per beacon pulse, the strongest sample of each pulse
 * period with the drone's position at that sample (what sql/queries/spatial/beacon_observations.sql
 * returns, and what the live page collects from the stream).
 */
import type { LocalPoint } from '../geo';

/** One pulse peak: the strongest RSSI sample of one pulse period and where the drone was. */
export interface BeaconObservation extends LocalPoint {
	/** Seconds from mission start. */
	t_rel_s: number;
	/** Height above home, m (the beacon is assumed on the ground at home's height). */
	alt_rel_m: number;
	rssi_dbm: number;
	snr_db: number;
	noise_floor_dbm: number;
}

/** One positioned RSSI sample (a row of the rssi_geo view). */
export interface PositionedSample extends LocalPoint {
	t_rel_s: number;
	alt_rel_m: number | null;
	rssi_dbm: number;
	snr_db: number;
	noise_floor_dbm: number;
}

/**
 * The strongest sample of each pulse period (ties: the earliest), in time order. The beacon
 * pulses once per `periodS`, so only that sample carries its signal; the others are noise.
 */
export function pulsePeaks(samples: Iterable<PositionedSample>, periodS = 1): BeaconObservation[] {
	const best = new Map<number, PositionedSample>();
	for (const s of samples) {
		const k = Math.floor(s.t_rel_s / periodS);
		const b = best.get(k);
		if (!b || s.rssi_dbm > b.rssi_dbm) best.set(k, s);
	}
	return [...best.values()]
		.sort((a, b) => a.t_rel_s - b.t_rel_s)
		.map((s) => ({ ...s, alt_rel_m: s.alt_rel_m ?? 0 }));
}
