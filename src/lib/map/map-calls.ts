/**
 * The imperative calls MapView makes on a live MapLibre map, kept apart from the pure builders
 * (`layers.ts`, `basemap-style.ts`) so that those stay testable without WebGL.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_SOURCE, basemapStyle, type Basemap } from './basemap-style';
import { BACKGROUND_ID, specLayers, type LayerSpec, type MapOptions } from './layers';
import type { MapTheme } from './theme';

type PaintName = Parameters<MapLibreMap['setPaintProperty']>[1];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Replaces a GeoJSON source's features (null empties it). */
export function setSourceData(m: MapLibreMap, id: string, data: FeatureCollection | null): void {
	(m.getSource(id) as GeoJSONSource | undefined)?.setData(data ?? EMPTY);
}

/**
 * Puts a basemap under every other layer of a loaded map (just above its background), replacing
 * whichever basemap it had; null removes it.
 */
export function applyBasemap(m: MapLibreMap, b: Basemap | null, theme: MapTheme): void {
	for (const l of m.getStyle().layers ?? [])
		if (l.id.startsWith(`${BASEMAP_SOURCE}-`)) m.removeLayer(l.id);
	if (m.getSource(BASEMAP_SOURCE)) m.removeSource(BASEMAP_SOURCE);
	if (!b) return;
	const { source, layers } = basemapStyle(b, theme.basemap);
	const layerIds = (m.getStyle().layers ?? []).map((l) => l.id);
	const above = layerIds[layerIds.indexOf(BACKGROUND_ID) + 1];
	m.addSource(BASEMAP_SOURCE, source);
	for (const l of layers) m.addLayer(l, above);
}

/** Re-applies every spec's paint for new options (a colour mode): MapLibre skips unchanged values. */
export function applyPaint<D>(
	m: MapLibreMap,
	specs: readonly LayerSpec<D>[],
	theme: MapTheme,
	options: MapOptions
): void {
	for (const s of specs)
		for (const l of specLayers(s, theme, options))
			for (const [k, v] of Object.entries(('paint' in l && l.paint) || {}))
				m.setPaintProperty(l.id, k as PaintName, v);
}

/**
 * Fits the map to bounds inside the part of it that is in the window: a tall map pane starts
 * part-way down the page, and the whole track should be in the first look, not under the fold.
 */
export function fitInView(m: MapLibreMap, bounds: [[number, number], [number, number]]): void {
	const box = m.getContainer().getBoundingClientRect();
	const hidden = Math.max(0, box.bottom - window.innerHeight);
	const below = box.height - hidden >= 260 ? hidden : 0;
	m.fitBounds(bounds, {
		padding: { top: 40, left: 40, right: 40, bottom: 40 + below },
		animate: false,
		maxZoom: 18
	});
}

/**
 * Calls `done` once, at the first frame in which the source is loaded. "Drawn" is that frame, not
 * the map's idle: later layers (heat grid, arrows, estimate) keep arriving for a second, and idle
 * waits for all.
 */
export function onFirstFrame(m: MapLibreMap, source: string, done: () => void): void {
	const check = () => {
		if (!m.isSourceLoaded(source)) return;
		m.off('render', check);
		done();
	};
	m.on('render', check);
	m.triggerRepaint();
}
