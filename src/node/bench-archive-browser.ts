/**
 * A fleet archive opened in the browser, on the user's path (issue 17 item 3): the archive served
 * by the project's static server on another port, the real app's home page opened with
 * `?archive=`, timed until every mission is listed in the library table (goal ≤ 2 s at 1 000
 * missions), then, once the engine is up, one mission opened from the table until its review
 * shows its KPIs from rows read by range requests (goal ≤ 1 s on localhost).
 */
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';
import { serveStatic } from './serve';

export interface ArchiveBrowserRow {
	listedMs: number | null;
	openedMs: number | null;
	note: string;
}

/** Open the archive at `dir` in the app served at `app` (a URL ending in `/`). */
export async function benchArchiveBrowser(
	dir: string,
	missions: number,
	app: string
): Promise<ArchiveBrowserRow> {
	const server = await serveStatic(dir, 0);
	const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
	const row: ArchiveBrowserRow = { listedMs: null, openedMs: null, note: '' };
	try {
		const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
		// The engine up first: the figure is the archive's, not DuckDB's start-up.
		await page.goto(app);
		await page.getByTestId('engine-status').filter({ hasText: 'DuckDB v' }).waitFor();
		const t0 = Date.now();
		await page.goto(`${app}?archive=${encodeURIComponent(root)}`);
		const rows = page.getByTestId('mission-table').locator('tbody tr');
		await page
			.locator(`[data-testid="archive-bar"][data-missions="${missions}"]`)
			.waitFor({ timeout: 60_000 });
		while ((await rows.count()) < missions && Date.now() - t0 < 60_000)
			await page.waitForTimeout(20);
		row.listedMs = Date.now() - t0;
		// The list is drawn before the engine is up (it needs none); a crew reads it before
		// clicking, by which time the engine is: the open is timed from there.
		await page.getByTestId('engine-status').filter({ hasText: 'DuckDB v' }).waitFor();
		const t1 = Date.now();
		await rows.first().getByRole('link').first().click();
		// Opened: its rows read by ranges and its summary answered (the map's first frame under
		// software GL is the review's own cost, timed in the drop → drawn row).
		await page
			.locator('[data-kpi="rssi_samples"]:not([data-value=""])')
			.first()
			.waitFor({ timeout: 60_000 });
		row.openedMs = Date.now() - t1;
	} catch (e) {
		row.note = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
	} finally {
		await browser.close();
		server.close();
	}
	return row;
}
