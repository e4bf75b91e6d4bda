/**
 * MapLibre for every map of the app, with its worker pointed at the app's own copy once, here.
 * (MapLibre 6 looks for its worker next to its own module, which bundling moves: the self-contained
 * worker ships as an app asset, offline and same-origin.)
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };

/**
 * Start MapLibre's shared workers ahead of the first map: they are otherwise created when a map is
 * built, and their boot (fetching and compiling the ~800 kB worker script) would sit on "drop to
 * drawn". Called once the engine is ready, through a dynamic import, so the library page's first
 * paint does not wait for MapLibre.
 */
export function prewarmMaps(): void {
	maplibregl.prewarm();
}
