/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline-first service worker: after the first visit the app opens with no network.
 *
 * - Install precaches the build (JS, CSS, DuckDB's workers and the wasm this browser will run,
 *   MapLibre's worker), the static files (map assets, demo missions) and the prerendered pages.
 *   DuckDB ships three ~35 MB wasm builds; only the ones this host can use are precached: `eh`
 *   always, `coi` (threaded) only when the host sends COOP/COEP. `mvp` (browsers without wasm
 *   exceptions, pre-2022) and anything else fetched later is cached on first use.
 * - Fetch answers same-origin GETs from the cache first, then the network (and keeps what it
 *   fetched). Requests to a Pi or any other origin, and Range requests, go to the network untouched.
 * - A new build installs beside the old one and waits; the page shows "update available" and
 *   posts `{ type: 'SKIP_WAITING' }` when the user chooses to reload (see state/sw-update).
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `pisad-${version}`;

/** Wasm builds to precache for this host (see above). */
function wanted(path: string): boolean {
	if (!path.endsWith('.wasm')) return true;
	if (/duckdb-mvp/.test(path)) return false;
	if (/duckdb-coi/.test(path)) return sw.crossOriginIsolated === true;
	return true;
}

/** Files are excluded when they are not part of the app (source maps, OS litter). */
const skip = (p: string) => p.endsWith('.map') || /\/\.[^/]+$/.test(p);

const ASSETS = [
	...new Set([
		`${base}/`,
		...build.filter(wanted),
		...files.filter((f) => !skip(f)),
		...prerendered
	])
];
const PRECACHED = new Set(ASSETS);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// A failure fails the install, so a half-cached app never takes over from a working one.
			await cache.addAll(ASSETS.filter((a) => !a.endsWith('.wasm')));
			// The page streams and compiles the same ~35 MB wasm while this runs on a first visit. Two
			// requests writing one big HTTP-cache entry make Chromium abort the page's stream
			// (ERR_CACHE_WRITE_FAILURE, seen in incognito), so the wasm bypasses the HTTP cache here.
			const wasm = ASSETS.filter((a) => a.endsWith('.wasm'));
			await cache.addAll(wasm.map((a) => new Request(a, { cache: 'no-store' })));
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const data: unknown = event.data;
	if (data && typeof data === 'object' && (data as { type?: unknown }).type === 'SKIP_WAITING')
		void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const req = event.request;
	if (req.method !== 'GET' || req.headers.has('range')) return;
	const url = new URL(req.url);
	if (url.origin !== sw.location.origin || !url.pathname.startsWith(`${base}/`)) return;
	event.respondWith(respond(req, url));
});

async function respond(req: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	// Pages are cached without their query (?src=, ?m=): the shell is the same for every mission.
	const key = req.mode === 'navigate' || PRECACHED.has(url.pathname) ? url.pathname : req;
	const hit = await cache.match(key, { ignoreSearch: req.mode === 'navigate' });
	if (hit) return hit;
	try {
		const res = await fetch(req);
		if (res.ok && res.status === 200 && res.type === 'basic') await cache.put(key, res.clone());
		return res;
	} catch (e) {
		if (req.mode === 'navigate') {
			const shell = await cache.match(`${base}/`);
			if (shell) return shell;
		}
		throw e;
	}
}
