/**
 * The review and compare maps as lists of layer specs, bottom to top. A new review layer is one
 * spec here: its source rows (a field of `ReviewSources`), its GeoJSON transform, its paint.
 */
import type { Feature } from 'geojson';
import { RSSI_STOPS } from '$lib/colors';
import {
	circlePolygon,
	gradientArrows,
	heatCells,
	type GradientArrow,
	type HeatCell,
	type PatternLike
} from '$lib/transforms/map-features';
import {
	comparedTracks,
	pointFeatures,
	trackSegments,
	type TrackPoint
} from '$lib/transforms/track';
import type { LayerSpec } from './layers';
import { planLayers, posteriorLayer, trackLayer } from './shared-layers';
import { ramp } from './theme';

/** A panel's rows as the review holds them (a query resource: null until they arrive). */
interface Rows<T> {
	readonly data: T | null;
}
type Position = { lat_deg: number | null; lon_deg: number | null };

/** What the review map reads: the mission's panels (the review state has these fields). */
export interface ReviewSources {
	track: Rows<TrackPoint[]>;
	summary: Rows<{ beacon_lat_deg: number | null; beacon_lon_deg: number | null }>;
	kpis: Rows<{
		beacon_est_lat: number | null;
		beacon_est_lon: number | null;
		beacon_est_err_m: number | null;
	} | null>;
	detections: Rows<(Position & { t_rel_s: number })[]>;
	heat: Rows<HeatCell[]>;
	gradient: Rows<GradientArrow[]>;
	pattern: Rows<PatternLike | null>;
	/** The beacon posterior's credible regions (GeoJSON, lon/lat) and its most probable point. */
	posterior: Rows<{
		region50: { feature: Feature };
		region90: { feature: Feature };
		point: { lat_deg: number; lon_deg: number };
	} | null>;
}

/** The review map's data: the mission's panels and the brushed time range (seconds). */
export interface ReviewMapData {
	view: ReviewSources;
	range: [number, number] | null;
}

/** Home (first fix), the true beacon and the estimate, as points with a `kind`. */
function markers(v: ReviewSources) {
	const first = v.track.data?.[0];
	const s = v.summary.data;
	const k = v.kpis.data;
	const marks: (Position & { kind: string })[] = [];
	if (first) marks.push({ lat_deg: first.lat_deg, lon_deg: first.lon_deg, kind: 'home' });
	if (s?.beacon_lat_deg != null)
		marks.push({ lat_deg: s.beacon_lat_deg, lon_deg: s.beacon_lon_deg, kind: 'beacon' });
	if (k?.beacon_est_lat != null)
		marks.push({ lat_deg: k.beacon_est_lat, lon_deg: k.beacon_est_lon, kind: 'estimate' });
	return pointFeatures(marks, (r) => ({ kind: r.kind }));
}

/** The review map, bottom to top. */
export const REVIEW_LAYERS: LayerSpec<ReviewMapData>[] = [
	{
		id: 'heat',
		data: (d) => heatCells(d.view.heat.data ?? []),
		draw: () => [
			{
				type: 'fill',
				paint: { 'fill-color': ramp('rssi_dbm', RSSI_STOPS), 'fill-opacity': 0.45 }
			}
		]
	},
	...planLayers<ReviewMapData>(
		(d) => d.view.pattern.data ?? null,
		(t) => ({ boundary: t.boundary, path: t.path })
	),
	trackLayer((d) => (d.view.track.data ? trackSegments(d.view.track.data) : null)),
	{
		// The brushed time range, over the track.
		id: 'highlight',
		data: ({ view, range: r }) =>
			r && view.track.data
				? trackSegments(view.track.data.filter((p) => p.t_rel_s >= r[0] && p.t_rel_s <= r[1]))
				: null,
		draw: (t) => [
			{
				type: 'line',
				layout: { 'line-cap': 'round' },
				paint: { 'line-color': t.home, 'line-width': 6, 'line-opacity': 0.5 }
			}
		]
	},
	{
		// Gradient fits good enough to point somewhere (R² ≥ 0.3), every fifth.
		id: 'arrows',
		data: (d) =>
			gradientArrows(
				(d.view.gradient.data ?? []).filter((g) => (g.r2 ?? 0) >= 0.3),
				5
			),
		draw: (t) => [
			{
				type: 'line',
				paint: {
					'line-color': t.arrow,
					'line-width': 1.5,
					'line-opacity': ['+', 0.3, ['*', 0.7, ['get', 'r2']]]
				}
			}
		]
	},
	// Where the beacon is: the posterior's 90 % region shaded, the 50 % region outlined.
	posteriorLayer((d) => {
		const p = d.view.posterior.data;
		return p && { region90: p.region90.feature, region50: p.region50.feature };
	}),
	{
		// The beacon estimate's uncertainty circle.
		id: 'estimate',
		data: (d) => {
			const k = d.view.kpis.data;
			return {
				type: 'FeatureCollection',
				features:
					k?.beacon_est_lat != null && k.beacon_est_lon != null && k.beacon_est_err_m != null
						? [circlePolygon(k.beacon_est_lat, k.beacon_est_lon, k.beacon_est_err_m)]
						: []
			};
		},
		draw: (t) => [
			{
				id: 'estimate-area',
				type: 'fill',
				paint: { 'fill-color': t.estimate, 'fill-opacity': 0.15 }
			},
			{ id: 'estimate-edge', type: 'line', paint: { 'line-color': t.estimate, 'line-width': 2 } }
		]
	},
	{
		id: 'detections',
		data: (d) => pointFeatures(d.view.detections.data ?? [], (r) => ({ t_rel_s: r.t_rel_s })),
		draw: (t) => [
			{
				type: 'circle',
				paint: {
					'circle-radius': 5,
					'circle-color': t.detection,
					'circle-stroke-color': t.home,
					'circle-stroke-width': 1
				}
			}
		]
	},
	{
		id: 'markers',
		data: (d) => (d.view.track.data ? markers(d.view) : null),
		draw: (t) => [
			{
				type: 'circle',
				paint: {
					'circle-radius': ['match', ['get', 'kind'], 'beacon', 8, 'estimate', 6, 6],
					'circle-color': [
						'match',
						['get', 'kind'],
						'beacon',
						t.beacon,
						'estimate',
						t.estimate,
						t.home
					],
					'circle-stroke-color': t.background,
					'circle-stroke-width': 2
				}
			}
		]
	}
];

/** Two compared missions' tracks, as [A, B] track rows. */
export type CompareMapData = readonly [TrackPoint[], TrackPoint[]] | null;

/** The compare map: both tracks, coloured A and B (draw it with the 'mission' colour mode). */
export const COMPARE_LAYERS: LayerSpec<CompareMapData>[] = [
	trackLayer((d) => (d ? comparedTracks(d[0], d[1]) : null))
];
