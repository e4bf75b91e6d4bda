/**
 * The live map as a list of layer specs, bottom to top: the Pi's search plan, the heat cells,
 * the beacon posterior's 90 % and 50 % regions, the beacon estimate with its uncertainty circle,
 * the trail, the next leg to fly (dashed), the gradient arrow, the posterior's most probable
 * point, the beacon and the drone. A new live layer is one spec here.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { LIVE_HEAT_STOPS } from '$lib/colors';
import { bearingArrow, heatPoints, trailLine } from '$lib/transforms/live-features';
import { circlePolygon, type PatternLike } from '$lib/transforms/map-features';
import { pointFeatures } from '$lib/transforms/track';
import type { LayerSpec } from './layers';
import { planLayers, posteriorLayer, type RegionPair } from './shared-layers';

type Position = { lat_deg: number; lon_deg: number };

/** What the live map reads (pass an object whose fields are reactive, e.g. getters). */
export interface LiveMapData {
	trail: readonly Position[];
	heat: readonly (Position & { rssi_max_dbm: number | null })[];
	drone: Position | null;
	/** The estimate; with a radius (the fit's uncertainty) a circle is drawn round it. */
	beacon: (Position & { uncertainty_m?: number | null }) | null;
	/** Bearing of the local RSSI gradient at the drone, degrees clockwise from north. */
	gradientDeg: number | null;
	/** The Pi's search pattern: waypoint path and boundary. */
	pattern: PatternLike | null;
	/** The live beacon posterior: its regions, most probable point and the next leg to fly. */
	posterior: (RegionPair & { point: Position; next: { path: Position[] } | null }) | null;
}

/** Cells without a value read as far below the ramp (its weakest colour). */
const HEAT_COLOR = [
	'interpolate',
	['linear'],
	['coalesce', ['get', 'rssi_dbm'], -120],
	...LIVE_HEAT_STOPS.flat()
] as ExpressionSpecification;

/** The live map, bottom to top. */
export const LIVE_LAYERS: LayerSpec<LiveMapData>[] = [
	...planLayers<LiveMapData>(
		(d) => d.pattern,
		(t) => ({ boundary: t.plan, path: t.plan })
	),
	{
		id: 'heat',
		data: (d) => heatPoints(d.heat),
		draw: () => [
			{
				type: 'circle',
				paint: {
					'circle-radius': 7,
					'circle-color': HEAT_COLOR,
					'circle-opacity': 0.55,
					'circle-blur': 0.4
				}
			}
		]
	},
	posteriorLayer((d) => d.posterior),
	{
		id: 'estimate',
		data: ({ beacon: b }) => ({
			type: 'FeatureCollection',
			features: b?.uncertainty_m ? [circlePolygon(b.lat_deg, b.lon_deg, b.uncertainty_m)] : []
		}),
		draw: (t) => [
			{
				id: 'estimate-area',
				type: 'fill',
				paint: { 'fill-color': t.beacon, 'fill-opacity': 0.12 }
			},
			{
				id: 'estimate-edge',
				type: 'line',
				paint: { 'line-color': t.beacon, 'line-width': 1.5, 'line-dasharray': [2, 1] }
			}
		]
	},
	{
		id: 'trail',
		data: (d) => trailLine(d.trail),
		draw: (t) => [
			{
				type: 'line',
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: { 'line-color': t.trail, 'line-width': 2 }
			}
		]
	},
	{
		// The leg that most shrinks the expected 90 % region (its gain is a KPI beside the map).
		id: 'next-leg',
		data: ({ posterior: p }) => ({
			type: 'FeatureCollection',
			features: p?.next
				? [
						{
							type: 'Feature',
							properties: {},
							geometry: {
								type: 'LineString',
								coordinates: p.next.path.map((q) => [q.lon_deg, q.lat_deg])
							}
						}
					]
				: []
		}),
		draw: (t) => [
			{
				type: 'line',
				layout: { 'line-cap': 'round' },
				paint: { 'line-color': t.detection, 'line-width': 2.5, 'line-dasharray': [2, 2] }
			}
		]
	},
	{
		id: 'arrow',
		data: (d) => bearingArrow(d.drone, d.gradientDeg),
		draw: (t) => [{ type: 'line', paint: { 'line-color': t.detection, 'line-width': 3 } }]
	},
	{
		id: 'posterior-point',
		data: (d) => pointFeatures(d.posterior ? [d.posterior.point] : [], () => ({})),
		draw: (t) => [
			{
				type: 'circle',
				paint: {
					'circle-radius': 5,
					'circle-color': t.background,
					'circle-stroke-color': t.beacon,
					'circle-stroke-width': 3
				}
			}
		]
	},
	{
		id: 'beacon',
		data: (d) => pointFeatures(d.beacon ? [d.beacon] : [], () => ({})),
		draw: (t) => [
			{
				type: 'circle',
				paint: {
					'circle-radius': 9,
					'circle-color': t.beacon,
					'circle-stroke-color': t.background,
					'circle-stroke-width': 2
				}
			}
		]
	},
	{
		id: 'drone',
		data: (d) => pointFeatures(d.drone ? [d.drone] : [], () => ({})),
		draw: (t) => [
			{
				type: 'circle',
				paint: {
					'circle-radius': 7,
					'circle-color': t.drone,
					'circle-stroke-color': t.detection,
					'circle-stroke-width': 2
				}
			}
		]
	}
];
