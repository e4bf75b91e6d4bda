/**
 * A fleet archive opened in the browser, on the user's path (issue 17 item 3): the archive served
 * by the project's static server on another port, the real app's home page opened with
 * `?archive=`, timed until every mission is listed in the library table (goal ≤ 2 s at 1 000
 * missions), then, once the engine is up, one mission opened from the table until its review
 * shows its KPIs from rows read by range requests (goal ≤ 1 s on localhost). Medians of three
 * fresh tabs.
 */
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';
import { serveStatic } from './serve';

/** The open is done when the review's first KPI card holds a value. */
const KPI = '[data-kpi="rssi_samples"]:not([data-value=""])';

type Watched = Window & { pisadOpened?: number };

/**
 * In the page: ms from the link pressed to `selector` in the DOM, as `window.pisadOpened`. Read
 * in the page, not by polling it from here: the poll lags by its interval and by the map's
 * start-up holding the page's thread right after the cards are painted.
 */
function watchOpen(selector: string): void {
	let t0 = 0;
	addEventListener('pointerdown', () => (t0 = performance.now()), { capture: true, once: true });
	const seen = new MutationObserver(() => {
		if (!t0 || !document.querySelector(selector)) return;
		(window as Watched).pisadOpened = performance.now() - t0;
		seen.disconnect();
	});
	seen.observe(document, { subtree: true, childList: true, attributes: true });
}

export interface ArchiveBrowserRow {
	listedMs: number | null;
	openedMs: number | null;
	note: string;
}

/**
 * Open the archive at `dir` in the app served at `app` (a URL ending in `/`), `runs` times in
 * fresh tabs (the machine is shared: the figures are the medians).
 */
export async function benchArchiveBrowser(
	dir: string,
	missions: number,
	app: string,
	runs = 3
): Promise<ArchiveBrowserRow> {
	const server = await serveStatic(dir, 0);
	const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
	const listed: number[] = [];
	const opened: number[] = [];
	let note = '';
	try {
		for (let i = 0; i < runs; i++) {
			const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
			const r = await openOnce(page, app, root, missions);
			listed.push(r.listedMs);
			if (r.openedMs !== null) opened.push(r.openedMs);
			await page.close();
		}
	} catch (e) {
		note = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
	} finally {
		await browser.close();
		server.close();
	}
	return { listedMs: median(listed), openedMs: median(opened), note };
}

function median(xs: number[]): number | null {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? null) : null;
}

async function openOnce(page: Page, app: string, root: string, missions: number) {
	// The engine up first: the figure is the archive's, not DuckDB's start-up.
	await page.goto(app);
	await page.getByTestId('engine-status').filter({ hasText: 'DuckDB v' }).waitFor();
	const t0 = Date.now();
	await page.goto(`${app}?archive=${encodeURIComponent(root)}`);
	const rows = page.getByTestId('mission-table').locator('tbody tr');
	await page
		.locator(`[data-testid="archive-bar"][data-missions="${missions}"]`)
		.waitFor({ timeout: 60_000 });
	while ((await rows.count()) < missions && Date.now() - t0 < 60_000) await page.waitForTimeout(20);
	const listedMs = Date.now() - t0;
	// The list is drawn before the engine is up (it needs none); a crew reads it before
	// clicking, by which time the engine is: the open is timed from there.
	await page.getByTestId('engine-status').filter({ hasText: 'DuckDB v' }).waitFor();
	await page.evaluate(watchOpen, KPI);
	await rows.first().getByRole('link').first().click();
	// Opened: its rows read by ranges and its summary answered (the map's first frame under
	// software GL is the review's own cost, timed in the drop → drawn row).
	await page.locator(KPI).first().waitFor({ timeout: 60_000 });
	const openedMs = await page.evaluate(() => (window as unknown as Watched).pisadOpened ?? null);
	return { listedMs, openedMs };
}
