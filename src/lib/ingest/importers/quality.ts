/**
 * Cleaning imported rows before they reach the contract tables. Each repair or drop becomes a
 * data-quality note (rows affected, and why), so a bad log still opens and says what was wrong.
 */
import { distanceM, toLocal } from '$lib/geo';
import type { DraftNote, TimedRow } from './types';

/** Bounds of what an RSSI sample can be (dBm); outside is a logging fault, not a signal. */
export const RSSI_RANGE_DBM = [-200, 30] as const;

/**
 * Drop rows with no usable time, sort by time when out of order (stable), and drop rows whose
 * time repeats the previous row's exactly when `dedupe` (series; events may share an instant).
 */
export function orderByTime(
	rows: TimedRow[],
	what: string,
	file: string,
	notes: DraftNote[],
	dedupe: boolean
): TimedRow[] {
	const ok = rows.filter((r) => Number.isFinite(r.t));
	if (ok.length < rows.length)
		warn(notes, file, rows.length - ok.length, `${what}: rows without a readable time dropped`);
	let unordered = 0;
	for (let i = 1; i < ok.length; i++) if (ok[i]!.t < ok[i - 1]!.t) unordered++;
	if (unordered) {
		ok.sort((a, b) => a.t - b.t);
		warn(notes, file, unordered, `${what}: rows out of time order; sorted by time`);
	}
	if (!dedupe) return ok;
	const out = ok.filter((r, i) => i === 0 || r.t !== ok[i - 1]!.t);
	if (out.length < ok.length)
		warn(notes, file, ok.length - out.length, `${what}: duplicate timestamps; kept the first`);
	return out;
}

/** Drop RSSI rows whose rssi_dbm is NULL, NaN, ±Inf or outside RSSI_RANGE_DBM. */
export function cleanRssi(rows: TimedRow[], file: string, notes: DraftNote[]): TimedRow[] {
	const good = (v: unknown): boolean =>
		typeof v === 'number' && v >= RSSI_RANGE_DBM[0] && v <= RSSI_RANGE_DBM[1];
	const out = rows.filter((r) => good(r.rssi_dbm));
	if (out.length < rows.length)
		warn(
			notes,
			file,
			rows.length - out.length,
			'RSSI samples that were empty, NaN, ±Inf or outside −200…30 dBm were dropped'
		);
	return out;
}

/**
 * Clear positions that cannot be real: lat/lon 0/0 (no GPS fix), out of range, or a jump faster
 * than `maxSpeedMps` from the last good fix (plus `slackM` for GPS noise). The row stays (its
 * battery, attitude... are fine); only lat/lon become NULL. After `reanchorAfter` rejects in a
 * row the track is taken to have really moved (a bad first fix would otherwise reject them all).
 */
export function cleanPositions(
	rows: TimedRow[],
	file: string,
	notes: DraftNote[],
	opts = { maxSpeedMps: 60, slackM: 200, reanchorAfter: 10 }
): void {
	let zero = 0;
	let jumps = 0;
	let biggest = 0;
	let last: TimedRow | null = null;
	let streak = 0;
	for (const r of rows) {
		const lat = r.lat_deg;
		const lon = r.lon_deg;
		if (typeof lat !== 'number' || typeof lon !== 'number') continue;
		if (
			!Number.isFinite(lat) ||
			!Number.isFinite(lon) ||
			Math.abs(lat) > 90 ||
			Math.abs(lon) > 180 ||
			(lat === 0 && lon === 0)
		) {
			r.lat_deg = null;
			r.lon_deg = null;
			zero++;
			continue;
		}
		if (last) {
			const d = distanceM(
				{ lat_deg: last.lat_deg as number, lon_deg: last.lon_deg as number },
				{ lat_deg: lat, lon_deg: lon }
			);
			const limit = opts.slackM + (opts.maxSpeedMps * Math.abs(r.t - last.t)) / 1000;
			if (d > limit && ++streak < opts.reanchorAfter) {
				biggest = Math.max(biggest, d);
				r.lat_deg = null;
				r.lon_deg = null;
				jumps++;
				continue;
			}
		}
		streak = 0;
		last = r;
	}
	if (zero) warn(notes, file, zero, 'positions at 0/0 or out of range (no GPS fix) cleared');
	if (jumps)
		warn(
			notes,
			file,
			jumps,
			`position jumps of up to ${(biggest / 1000).toFixed(1)} km (faster than ${opts.maxSpeedMps} m/s) cleared`
		);
}

/** Add t_rel_s (s from `startMs`) and, for rows with lat/lon, north_m/east_m from the origin. */
export function addRelative(
	rows: TimedRow[],
	startMs: number,
	origin: { lat: number; lon: number } | null
): void {
	for (const r of rows) {
		r.t_rel_s = (r.t - startMs) / 1000;
		if (origin && typeof r.lat_deg === 'number' && typeof r.lon_deg === 'number') {
			const ne = toLocal(
				{ lat_deg: r.lat_deg, lon_deg: r.lon_deg },
				{ lat_deg: origin.lat, lon_deg: origin.lon }
			);
			r.north_m = ne.north_m;
			r.east_m = ne.east_m;
		}
	}
}

/**
 * Height above home where the source only logged altitude above sea level (a story-4.8 Pi logs
 * `altitude` and no `relative_altitude`): alt_amsl_m minus the first fix's, as the Pi's home is
 * where it armed. Without it coverage, slant ranges and the airborne filter have nothing to use.
 */
export function fillRelativeAltitude(rows: TimedRow[], file: string, notes: DraftNote[]): void {
	if (rows.some((r) => typeof r.alt_rel_m === 'number')) return;
	const home = rows.find((r) => typeof r.alt_amsl_m === 'number')?.alt_amsl_m;
	if (typeof home !== 'number') return;
	let n = 0;
	for (const r of rows)
		if (typeof r.alt_amsl_m === 'number') {
			r.alt_rel_m = r.alt_amsl_m - home;
			n++;
		}
	info(
		notes,
		file,
		`height above home (alt_rel_m) derived from altitude above sea level minus the first fix's (${home.toFixed(1)} m)`,
		n
	);
}

/** Push a warning note (no-op when nothing was affected). */
export function warn(notes: DraftNote[], file: string, rows: number, message: string): void {
	if (rows > 0) notes.push({ file, severity: 'warning', message, rows_affected: rows });
}

/** Push an info note (provenance: what was computed or assumed). */
export function info(notes: DraftNote[], file: string, message: string, rows = 0): void {
	notes.push({ file, severity: 'info', message, rows_affected: rows });
}
