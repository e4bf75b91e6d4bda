/**
 * Plain-JS references for tests/sql/spatial.test.ts, written from the definitions and
 * independent of the SQL under test: positions interpolated from the simulator's own rows,
 * grid binning, and a brute-force coverage raster.
 */
import type { MissionTables } from '$lib/contract';

/** One RSSI sample with its interpolated position. */
export interface GeoSample {
	t_ms: number;
	t_rel_s: number;
	rssi_dbm: number;
	snr_db: number;
	north_m: number;
	east_m: number;
}

/** Every RSSI sample at the position interpolated in time between its telemetry neighbours. */
export function geoSamples(tables: MissionTables): GeoSample[] {
	// The database keeps time in whole µs: interpolate on the same integers (float epoch ms
	// carry only ~0.2 µs of resolution, enough to move positions by 1e-7 m).
	const us = (t: number) => Math.round(t * 1000);
	const tel = [...tables.vehicle_telemetry]
		.map((v) => ({ ...v, t: us(v.t) }))
		.sort((a, b) => a.t - b.t);
	const out: GeoSample[] = [];
	let k = 0;
	for (const r0 of tables.rssi_sample) {
		const r = { ...r0, t: us(r0.t) };
		while (k + 1 < tel.length && (tel[k + 1]?.t ?? Infinity) <= r.t) k++;
		const a = tel[k];
		if (!a || a.t > r.t || a.north_m === null || a.east_m === null) continue;
		const b = tel[k + 1];
		const f = b && b.t > a.t ? (r.t - a.t) / (b.t - a.t) : 0;
		const lerp = (x: number, y: number | null | undefined) => x + f * ((y ?? x) - x);
		out.push({
			t_ms: r.t,
			t_rel_s: r.t_rel_s,
			rssi_dbm: r.rssi_dbm as number,
			snr_db: r.snr_db as number,
			north_m: lerp(a.north_m, b?.north_m),
			east_m: lerp(a.east_m, b?.east_m)
		});
	}
	return out;
}

/** The strongest sample of each pulse period (ties: the earliest). */
export function pulsePeaks(s: readonly GeoSample[], periodS: number): GeoSample[] {
	const best = new Map<number, GeoSample>();
	for (const x of s) {
		const k = Math.floor(x.t_rel_s / periodS);
		const b = best.get(k);
		if (!b || x.rssi_dbm > b.rssi_dbm) best.set(k, x);
	}
	return [...best.values()].sort((a, b) => a.t_rel_s - b.t_rel_s);
}

/** Max RSSI per `cellM` cell, keyed 'i,j'. */
export function maxPerCell(s: readonly GeoSample[], cellM: number): Map<string, number> {
	const m = new Map<string, number>();
	for (const x of s) {
		const key = `${Math.floor(x.north_m / cellM)},${Math.floor(x.east_m / cellM)}`;
		m.set(key, Math.max(m.get(key) ?? -Infinity, x.rssi_dbm));
	}
	return m;
}

/**
 * Area (km²) of the points within `rangeM` of any of `pts`, by brute force on a fine raster of
 * `pixelM` metres (exact distance to each track point, not the query's cell dilation).
 */
export function rasterCoverageKm2(
	pts: readonly { north_m: number; east_m: number }[],
	rangeM: number,
	pixelM: number
): number {
	// Thin the track to one point per pixel: the union barely changes, the loop gets cheaper.
	const seen = new Map<string, { n: number; e: number }>();
	for (const p of pts) {
		const key = `${Math.round(p.north_m / pixelM)},${Math.round(p.east_m / pixelM)}`;
		if (!seen.has(key)) seen.set(key, { n: p.north_m, e: p.east_m });
	}
	const cover = new Set<string>();
	const k = Math.ceil(rangeM / pixelM);
	for (const p of seen.values()) {
		const i0 = Math.round(p.n / pixelM);
		const j0 = Math.round(p.e / pixelM);
		for (let i = i0 - k; i <= i0 + k; i++) {
			for (let j = j0 - k; j <= j0 + k; j++) {
				if (Math.hypot(i * pixelM - p.n, j * pixelM - p.e) <= rangeM) cover.add(`${i},${j}`);
			}
		}
	}
	return (cover.size * pixelM * pixelM) / 1e6;
}

/** Median of numbers. */
export function median(x: readonly number[]): number {
	const s = [...x].sort((a, b) => a - b);
	const m = s.length / 2;
	return s.length % 2
		? (s[Math.floor(m)] as number)
		: ((s[m - 1] as number) + (s[m] as number)) / 2;
}
