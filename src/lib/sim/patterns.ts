import type { LocalPoint } from '../geo';
import { circleRing, squareRing } from './rings';

/** Pattern names as the Pi spells them in search_pattern.pattern_type. */
export type PatternType = 'expanding_square' | 'spiral' | 'lawnmower';

export interface PatternSpec {
	type: PatternType;
	/** Track spacing (lane / ring / leg increment), m. */
	spacing_m: number;
	/** Half-width of the square boundary, or radius of the circular one, m. */
	radius_m: number;
	altitude_m: number;
	velocity_mps: number;
}

export interface Pattern {
	spec: PatternSpec;
	waypoints: LocalPoint[];
	/** Search boundary, local ring (open: first point not repeated). */
	boundary: LocalPoint[];
}

/**
 * Expanding square from the centre: legs N, E, S, W of lengths s, s, 2s, 2s, 3s, 3s, …
 * Leg pairs are added while the first waypoint of the new pair lies within `radius` (Euclidean)
 * of the centre; the pair is then completed, so all waypoints stay inside the square of
 * half-width `radius`. With s = 100 m and r = 500 m: 15 waypoints (centre included) and 5.6 km
 * of legs, the §7 figure (≈5.7 km counts the climb-out).
 */
export function expandingSquare(spacing: number, radius: number): LocalPoint[] {
	const dirs = [
		[1, 0],
		[0, 1],
		[-1, 0],
		[0, -1]
	] as const;
	const pts: LocalPoint[] = [{ north_m: 0, east_m: 0 }];
	let n = 0;
	let e = 0;
	let leg = 0;
	for (let k = 1; ; k++) {
		const [dn, de] = dirs[leg % 4] as readonly [number, number];
		if (Math.hypot(n + dn * k * spacing, e + de * k * spacing) > radius + 1e-9) break;
		for (let j = 0; j < 2; j++) {
			const [a, b] = dirs[leg % 4] as readonly [number, number];
			n += a * k * spacing;
			e += b * k * spacing;
			pts.push({ north_m: n, east_m: e });
			leg++;
		}
	}
	return pts;
}

/**
 * Archimedean spiral outwards from the centre, ring spacing `spacing` (r = s·θ/2π), one
 * waypoint per ~s/2 of arc (at least every 30°), ending when the next ring would leave the
 * circle of radius `radius − s/2` (so the swept band stays inside the boundary).
 */
export function spiral(spacing: number, radius: number): LocalPoint[] {
	const pts: LocalPoint[] = [{ north_m: 0, east_m: 0 }];
	const rMax = radius - spacing / 2;
	let theta = 0;
	for (;;) {
		const r = (spacing * theta) / (2 * Math.PI);
		const step = Math.min(Math.PI / 6, spacing / 2 / Math.max(r, spacing / 2));
		theta += step;
		const rNext = (spacing * theta) / (2 * Math.PI);
		if (rNext > rMax) break;
		pts.push({ north_m: rNext * Math.cos(theta), east_m: rNext * Math.sin(theta) });
	}
	return pts;
}

/**
 * Lawnmower over the square of half-width `radius`: north–south lanes `spacing` apart, the first
 * and last lanes half a spacing inside the boundary, alternating direction, two waypoints a lane.
 */
export function lawnmower(spacing: number, radius: number): LocalPoint[] {
	const pts: LocalPoint[] = [];
	const inner = radius - spacing / 2;
	const lanes = Math.max(1, Math.floor((2 * inner) / spacing + 1e-9) + 1);
	for (let i = 0; i < lanes; i++) {
		const e = -inner + i * spacing;
		const [a, b] = i % 2 === 0 ? [-inner, inner] : [inner, -inner];
		pts.push({ north_m: a, east_m: e }, { north_m: b, east_m: e });
	}
	return pts;
}

/** Builds the waypoints and boundary for a spec. */
export function buildPattern(spec: PatternSpec): Pattern {
	const { type, spacing_m: s, radius_m: r } = spec;
	if (type === 'expanding_square') {
		return { spec, waypoints: expandingSquare(s, r), boundary: squareRing(r) };
	}
	if (type === 'spiral') return { spec, waypoints: spiral(s, r), boundary: circleRing(r) };
	return { spec, waypoints: lawnmower(s, r), boundary: squareRing(r) };
}

/** Sum of leg lengths, m. */
export function pathLengthM(pts: readonly LocalPoint[]): number {
	let d = 0;
	for (let i = 1; i < pts.length; i++) {
		const a = pts[i - 1] as LocalPoint;
		const b = pts[i] as LocalPoint;
		d += Math.hypot(b.north_m - a.north_m, b.east_m - a.east_m);
	}
	return d;
}
