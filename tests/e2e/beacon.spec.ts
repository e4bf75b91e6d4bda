/**
 * Where is the beacon: the review shows the posterior's 90 % region (its area and reach as KPI
 * cards, the regions on the map) and saves the regions as GeoJSON for a field team's GIS.
 */
import { readFile } from 'node:fs/promises';
import { expect, kpi, test, waitForReview } from './fixtures';

test('review shows the beacon probability map and exports its regions', async ({ page }) => {
	await page.goto('./review/?src=demo/open-field-s1/');
	await waitForReview(page);
	const area = page.locator('[data-kpi="beacon_region90_m2"]');
	await expect(area).not.toContainText('—', { timeout: 60_000 });
	expect(Number(await kpi(page, 'beacon_region90_m2'))).toBeGreaterThan(10);
	expect(Number(await kpi(page, 'beacon_region90_reach_m'))).toBeGreaterThan(1);
	const download = page.waitForEvent('download');
	await page.getByTestId('regions-geojson').click();
	const file = await (await download).path();
	const gj = JSON.parse(await readFile(file, 'utf8')) as {
		features: { properties: { level?: number } }[];
	};
	expect(gj.features.map((f) => f.properties.level ?? null)).toEqual([90, 50, null]);
	await page.waitForTimeout(1500);
	await page
		.getByTestId('mission-map')
		.screenshot({ path: 'test-results/screens/beacon-regions.png' });
});
