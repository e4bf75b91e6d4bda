/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline-first service worker: after the first visit the app opens with no network.
 *
 * - Install precaches the build (JS, CSS, DuckDB's workers and the wasm this browser will run,
 *   MapLibre's worker), the static files (map assets) and the prerendered pages, then the missions
 *   listed in demo/index.json (the demos, or a field bundle's missions).
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

/** The app itself: a failure to cache any of these fails the install. */
const ASSETS = [
	...new Set([
		`${base}/`,
		...build.filter(wanted),
		...files.filter((f) => !skip(f) && !f.startsWith(`${base}/demo/`)),
		...prerendered
	])
];
const PRECACHED = new Set(ASSETS);
/** Network first: the mission list changes when a field bundle is made with other missions. */
const FRESH = new Set([`${base}/demo/index.json`]);

/**
 * The missions listed in demo/index.json (the build's demos, or a field bundle's own missions:
 * `npm run bundle` rewrites the list, so it is read at install time rather than baked in).
 */
async function missionUrls(): Promise<string[]> {
	const res = await fetch(`${base}/demo/index.json`, { cache: 'no-store' }).catch(() => null);
	if (!res?.ok) return [];
	const index = (await res.json()) as { missions?: { path?: string; files?: string[] }[] };
	const urls = [`${base}/demo/index.json`];
	for (const m of index.missions ?? []) {
		if (!m.path) continue;
		const dir = new URL(m.path, `${sw.location.origin}${base}/`);
		if (dir.origin !== sw.location.origin) continue;
		if (!dir.pathname.endsWith('/')) urls.push(dir.pathname);
		else for (const f of ['index.json', ...(m.files ?? [])]) urls.push(`${dir.pathname}${f}`);
	}
	return urls;
}

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
			// Missions are data, not the app: one that fails to download does not block the install.
			await Promise.allSettled((await missionUrls()).map((u) => cache.add(u)));
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
	const hit = FRESH.has(url.pathname)
		? null
		: await cache.match(key, { ignoreSearch: req.mode === 'navigate' });
	if (hit) return hit;
	try {
		const res = await fetch(req);
		if (res.ok && res.status === 200 && res.type === 'basic') await cache.put(key, res.clone());
		return res;
	} catch (e) {
		const saved = FRESH.has(url.pathname) ? await cache.match(key) : undefined;
		if (saved) return saved;
		if (req.mode === 'navigate') {
			const shell = await cache.match(`${base}/`);
			if (shell) return shell;
		}
		throw e;
	}
}
