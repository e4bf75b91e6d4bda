/**
 * Pure Plot options for the printed report. The map snapshot is drawn with Plot (local metres
 * east/north of the first fix, 1:1 aspect) rather than captured from the MapLibre canvas: vector
 * output stays sharp on paper and needs no tiles.
 */
import * as Plot from '@observablehq/plot';
import { toLocal, type LatLon, type LocalPoint } from '$lib/geo';
import { chartStyle, LIGHT_CHART, STATE_COLORS, stateColorScale, type ChartTheme } from './theme';

export interface TrackPoint {
	t_rel_s: number;
	lat_deg: number;
	lon_deg: number;
	system_state: string | null;
}
/** A position that may be missing (rows with no fix). */
export interface MaybeLatLon {
	lat_deg: number | null;
	lon_deg: number | null;
}

/** Local metres of `p` from `origin` (the shared projection), or null when `p` has no fix. */
function localOf(origin: LatLon, p: MaybeLatLon): LocalPoint | null {
	if (p.lat_deg == null || p.lon_deg == null) return null;
	return toLocal({ lat_deg: p.lat_deg, lon_deg: p.lon_deg }, origin);
}

export interface TrackMapInput {
	track: readonly TrackPoint[];
	detections: readonly (MaybeLatLon & { verdict?: string })[];
	beacon: MaybeLatLon | null;
	estimate: (MaybeLatLon & { radius_m: number | null }) | null;
}

/** The flight track coloured by state, detections, home, true beacon and the estimate circle. */
export function reportTrackOptions(
	input: TrackMapInput,
	width: number,
	theme: ChartTheme = LIGHT_CHART
): Plot.PlotOptions {
	const origin = input.track[0];
	if (!origin)
		return { width, height: 80, marks: [Plot.text(['No GPS track'], { frameAnchor: 'middle' })] };
	const pts = input.track.map((p) => ({
		...localOf(origin, p)!,
		state: p.system_state ?? 'UNKNOWN'
	}));
	const det = input.detections.flatMap((d) => {
		const l = localOf(origin, d);
		return l ? [{ ...l, verdict: d.verdict ?? 'unknown' }] : [];
	});
	const beacon = input.beacon ? localOf(origin, input.beacon) : null;
	const est = input.estimate ? localOf(origin, input.estimate) : null;
	const circle =
		est && input.estimate?.radius_m
			? Array.from({ length: 65 }, (_, i) => {
					const a = (i / 64) * 2 * Math.PI;
					const r = input.estimate?.radius_m ?? 0;
					return { east_m: est.east_m + r * Math.cos(a), north_m: est.north_m + r * Math.sin(a) };
				})
			: [];
	return {
		width,
		aspectRatio: 1,
		marginLeft: 52,
		style: chartStyle(theme),
		inset: 12,
		x: { label: 'East (m)', grid: true },
		y: { label: 'North (m)', grid: true },
		color: stateColorScale(),
		marks: [
			Plot.line(pts, { x: 'east_m', y: 'north_m', z: null, stroke: 'state', strokeWidth: 1.6 }),
			Plot.line(circle, { x: 'east_m', y: 'north_m', stroke: theme.drop, strokeDasharray: '4,3' }),
			Plot.dot([{ east_m: 0, north_m: 0 }], {
				x: 'east_m',
				y: 'north_m',
				symbol: 'square',
				r: 5,
				fill: theme.fg
			}),
			Plot.dot(det, {
				x: 'east_m',
				y: 'north_m',
				r: 4,
				stroke: (d: { verdict: string }) =>
					d.verdict === 'false' ? theme.detect : STATE_COLORS.DETECTING,
				strokeWidth: 2
			}),
			...(beacon
				? [
						Plot.dot([beacon], {
							x: 'east_m',
							y: 'north_m',
							symbol: 'star',
							r: 8,
							fill: theme.detect
						}),
						Plot.text([beacon], { x: 'east_m', y: 'north_m', text: () => 'beacon', dy: -12 })
					]
				: []),
			...(est
				? [
						Plot.dot([est], {
							x: 'east_m',
							y: 'north_m',
							symbol: 'cross',
							r: 6,
							stroke: theme.drop
						})
					]
				: [])
		]
	};
}
