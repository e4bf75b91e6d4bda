/**
 * Replay helpers: where the drone was at a moment, the nearest moment to a map click, and the
 * trail behind it. Pure; rows must be in time order.
 */

export interface TimedPosition {
	t_rel_s: number;
	lat_deg: number;
	lon_deg: number;
	heading_deg?: number | null;
}

/** Index of the last row with t_rel_s <= t (0 when t is before the first row). */
export function indexAt(rows: readonly { t_rel_s: number }[], t: number): number {
	let lo = 0;
	let hi = rows.length - 1;
	if (hi < 0) return -1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((rows[mid] as { t_rel_s: number }).t_rel_s <= t) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** Linear interpolation of position (and heading, the shorter way round) at time t. */
export function positionAt(rows: readonly TimedPosition[], t: number): TimedPosition | null {
	const i = indexAt(rows, t);
	const a = rows[i];
	if (!a) return null;
	const b = rows[i + 1];
	if (!b || t <= a.t_rel_s || b.t_rel_s === a.t_rel_s) return { ...a, t_rel_s: t };
	const f = Math.min(1, (t - a.t_rel_s) / (b.t_rel_s - a.t_rel_s));
	let heading = a.heading_deg ?? null;
	if (a.heading_deg != null && b.heading_deg != null) {
		const d = ((b.heading_deg - a.heading_deg + 540) % 360) - 180;
		heading = (a.heading_deg + f * d + 360) % 360;
	}
	return {
		t_rel_s: t,
		lat_deg: a.lat_deg + f * (b.lat_deg - a.lat_deg),
		lon_deg: a.lon_deg + f * (b.lon_deg - a.lon_deg),
		heading_deg: heading
	};
}

/** The row nearest to a clicked point (equirectangular distance: fine at mission scale). */
export function nearestRow<T extends TimedPosition>(
	rows: readonly T[],
	lat: number,
	lon: number
): T | null {
	const k = Math.cos((lat * Math.PI) / 180);
	let best: T | null = null;
	let bestD = Infinity;
	for (const r of rows) {
		const dy = r.lat_deg - lat;
		const dx = (r.lon_deg - lon) * k;
		const d = dx * dx + dy * dy;
		if (d < bestD) {
			bestD = d;
			best = r;
		}
	}
	return best;
}

/** A point `dist_m` metres from (lat, lon) along `heading_deg` (for the heading tick). */
export function offsetPoint(
	lat: number,
	lon: number,
	headingDeg: number,
	distM: number
): [number, number] {
	const R = 6_371_000;
	const h = (headingDeg * Math.PI) / 180;
	const dLat = ((distM * Math.cos(h)) / R) * (180 / Math.PI);
	const dLon = ((distM * Math.sin(h)) / (R * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI);
	return [lon + dLon, lat + dLat];
}

/** Replay speeds offered to the user. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
