import { readFile } from 'node:fs/promises';
import { expect, kpi, test, waitForReview } from './fixtures';

test('home lists the demo missions and the engine starts from the app itself', async ({
	page,
	watch
}) => {
	await page.goto('./');
	await expect(page.getByTestId('demo-list').locator('a')).toHaveCount(4);
	await expect(page.getByTestId('engine-status')).toContainText('DuckDB v1.4.3', {
		timeout: 60_000
	});
	// The wasm and its worker came from our own origin (the fixture fails on any other).
	expect(watch.requests.some((u) => /duckdb-.*\.wasm/.test(u))).toBe(true);
	await page.screenshot({ path: 'test-results/screens/home.png' });
});

test('one click opens a demo mission: summary, map track and RSSI chart drawn', async ({
	page
}) => {
	await page.goto('./');
	await page.locator('[data-demo="open-field-s1"]').click();
	await waitForReview(page);
	expect(Number(await kpi(page, 'rssi_samples'))).toBeGreaterThan(1000);
	expect(Number(await kpi(page, 'detections'))).toBeGreaterThan(0);
	const maxRssi = Number(await kpi(page, 'max_rssi_dbm'));
	expect(maxRssi).toBeGreaterThan(-90);
	expect(maxRssi).toBeLessThan(0);
	await expect(page.locator('.maplibregl-canvas')).toBeVisible();
	// The chart drew lines (paths with real geometry), not just axes.
	const paths = page.getByTestId('rssi-chart').locator('svg path');
	expect(await paths.count()).toBeGreaterThan(2);
	await page.screenshot({ path: 'test-results/screens/review-open-field.png' });
});

test('a ?src= link that does not exist gives a clear error, and the page stays usable', async ({
	page,
	watch
}) => {
	watch.allow('404');
	watch.allow('Failed to load resource');
	await page.goto('./review/?src=demo/nope/');
	await expect(page.getByRole('alert').first()).toContainText('demo/nope');
	await expect(page.getByRole('link', { name: '← Library' })).toBeVisible();
});

test('a truncated Parquet file is named in the error and loaded missions stay', async ({
	page,
	watch
}) => {
	watch.allow('Failed to load resource');
	await page.goto('./review/?src=demo/open-field-s1/');
	await waitForReview(page);
	// In-app navigation keeps this tab's database (a reload would start a new one).
	await page.getByRole('link', { name: '← Library' }).click();
	await expect(page.getByTestId('mission-table')).toContainText('Open field');
	const good = await readFile('static/demo/open-field-s1/rssi_sample.parquet');
	await page.getByTestId('file-input').setInputFiles({
		name: 'rssi_sample.parquet',
		mimeType: 'application/octet-stream',
		buffer: good.subarray(0, Math.floor(good.length / 2))
	});
	await expect(page.getByRole('alert').first()).toContainText('rssi_sample.parquet');
	// The mission loaded before is still here and open.
	await expect(page.locator('h1')).toContainText('Open field');
	await expect(page.locator('[data-kpi="rssi_samples"]')).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/bad-file.png' });
});
