/**
 * Shared Playwright fixture: every test fails on a page error or console error, and on any
 * request that leaves the app's origin (the app must work in a field with no internet).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startPiSim, type PiSim, type PiSimOptions } from '../../src/node/pi-sim/server';

export interface Watch {
	errors: string[];
	foreign: string[];
	requests: string[];
	/** Console errors a test expects (e.g. a deliberately bad file); matched by substring. */
	allow: (pattern: string) => void;
	/**
	 * Another origin this test may talk to (the live tests' Pi simulator on localhost). Every other
	 * origin still fails the test.
	 */
	allowOrigin: (origin: string) => void;
}

export const test = base.extend<{ watch: Watch }>({
	watch: [
		async ({ page, baseURL }, use) => {
			const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
			const allowed: string[] = [];
			const origins = new Set([origin]);
			const w: Watch = {
				errors: [],
				foreign: [],
				requests: [],
				allow: (p) => allowed.push(p),
				allowOrigin: (o) => origins.add(new URL(o).origin)
			};
			page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
			page.on('console', (m) => {
				if (m.type() === 'error') w.errors.push(`console: ${m.text()}`);
			});
			page.on('request', (r) => {
				const url = r.url();
				w.requests.push(url);
				if (/^(data|blob|about):/.test(url)) return;
				if (!origins.has(new URL(url.replace(/^ws/, 'http')).origin)) w.foreign.push(url);
			});
			await use(w);
			const unexpected = w.errors.filter((e) => !allowed.some((a) => e.includes(a)));
			expect(unexpected, 'page or console errors').toEqual([]);
			expect(w.foreign, 'requests that left the app origin').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** Wait until the review page has drawn its map and chart. */
export async function waitForReview(page: Page) {
	await expect(page.getByTestId('review')).toHaveAttribute('data-ready', 'true', {
		timeout: 60_000
	});
}

/** The machine-readable value of a KPI element. */
export async function kpi(page: Page, name: string): Promise<string | null> {
	return page.locator(`[data-kpi="${name}"]`).first().getAttribute('data-value');
}

/**
 * The live page, its engine up, and the Pi simulator started (in-process, on a free port) with a
 * link that may drop: the browser's logs of refused reconnects and REST calls are allowed.
 */
export async function liveWithSim(page: Page, watch: Watch, o: PiSimOptions): Promise<PiSim> {
	watch.allow('WebSocket connection to');
	watch.allow('Failed to load resource');
	await page.goto('./live/');
	await expect(page.getByTestId('engine-status')).toContainText('DuckDB v', { timeout: 60_000 });
	const sim = await startPiSim(o);
	watch.allowOrigin(sim.url);
	return sim;
}
