/**
 * MapLibre's shared web workers, started ahead of the first map. MapLibre creates them lazily
 * when a map is built; starting them while the user is still choosing files takes their boot
 * (fetching and compiling the ~800 kB worker script) off "drop to drawn". Loaded with a dynamic
 * import once the engine is ready, so the home page's first paint does not wait for MapLibre.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let warmed = false;

export function prewarmMaps(): void {
	if (warmed) return;
	warmed = true;
	maplibregl.setWorkerUrl(workerUrl);
	maplibregl.prewarm();
}
