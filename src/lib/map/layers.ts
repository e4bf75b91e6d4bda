/**
 * What a map layer is, and the one style builder every map uses. A page's map is a list of
 * `LayerSpec`s: each names a GeoJSON source, a pure transform from the page's rows to that
 * source's features, and the MapLibre layers that draw it, painted from the theme. Adding a layer
 * is one spec in one list (`review-layers.ts`, `live-layers.ts`); `MapView.svelte` mounts any list.
 *
 * The style is inline and has no remote sources, sprites or glyphs: the map must draw in a field
 * with no internet. A basemap is opt-in (a PMTiles archive the user gave).
 */
import type {
	CircleLayerSpecification,
	FillLayerSpecification,
	LayerSpecification,
	LineLayerSpecification,
	StyleSpecification
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { BASEMAP_SOURCE, basemapStyle, type Basemap } from './basemap-style';
import type { ColorMode, MapTheme } from './theme';

/** A MapLibre layer drawing a spec's source: its source is filled in, its id defaults to the spec's. */
type Drawn<L> = Omit<L, 'id' | 'source'> & { id?: string };
export type DrawLayer =
	Drawn<LineLayerSpecification> | Drawn<CircleLayerSpecification> | Drawn<FillLayerSpecification>;

/** Options a page changes without rebuilding its map (applied with setPaintProperty). */
export interface MapOptions {
	/** How the track is coloured. */
	mode: ColorMode;
}

/** One map layer: a GeoJSON source, how the page's rows become its features, how it is drawn. */
export interface LayerSpec<D> {
	/** The GeoJSON source's id, and the id of its drawn layer unless that names its own. */
	id: string;
	/**
	 * The source's features from the page's data; pure. Null while its rows are not known (the
	 * source is then empty). Called in its own effect, so it reruns only when what it reads changes.
	 */
	data: (d: D) => FeatureCollection | null;
	/** The MapLibre layers drawing the source, bottom to top, painted from the theme and options. */
	draw: (theme: MapTheme, options: MapOptions) => DrawLayer[];
	/** The map's first frame with this layer's data counts as "drawn" (MapView's `onready`). */
	ready?: boolean;
}

/** Id of the first layer above the background: a basemap goes under it. */
export const BACKGROUND_ID = 'background';

/** The MapLibre layers of a spec, with their source and ids set. */
export function specLayers<D>(
	spec: LayerSpec<D>,
	theme: MapTheme,
	options: MapOptions
): LayerSpecification[] {
	return spec
		.draw(theme, options)
		.map((l) => ({ ...l, id: l.id ?? spec.id, source: spec.id }) as LayerSpecification);
}

/**
 * The whole style of a map: background, the basemap (if any) and every spec's layers in list
 * order, each spec's source an empty GeoJSON collection until the map view sets its data. Pure.
 */
export function buildStyle<D>(
	specs: readonly LayerSpec<D>[],
	theme: MapTheme,
	options: MapOptions,
	basemap: Basemap | null = null
): StyleSpecification {
	const base = basemap ? basemapStyle(basemap, theme.basemap) : null;
	const sources: StyleSpecification['sources'] = {};
	if (base) sources[BASEMAP_SOURCE] = base.source;
	for (const s of specs)
		sources[s.id] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
	return {
		version: 8,
		name: 'pisad-offline',
		sources,
		layers: [
			{ id: BACKGROUND_ID, type: 'background', paint: { 'background-color': theme.background } },
			...(base?.layers ?? []),
			...specs.flatMap((s) => specLayers(s, theme, options))
		]
	};
}
