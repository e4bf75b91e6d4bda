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

test('review and report count the detections the model explains; the report says where the beacon is', async ({
	page
}) => {
	await page.goto('./review/?src=demo/interference-s3/');
	await waitForReview(page);
	const model = page.locator('[data-kpi="detections_unexplained"]');
	await expect(model).not.toContainText('—', { timeout: 60_000 });
	// The burst is a false detection by both counts: the Pi's 100 m rule and the model's.
	expect(Number(await kpi(page, 'detections_unexplained'))).toBeGreaterThanOrEqual(1);
	expect(Number(await kpi(page, 'false_positives'))).toBeGreaterThanOrEqual(1);
	await expect(page.locator('[data-kpi="false_positives"]')).toContainText('100 m rule');

	await page.goto('./report/?src=demo/interference-s3/');
	await expect(page.getByTestId('report')).toHaveAttribute('data-ready', 'true', {
		timeout: 60_000
	});
	const finding = page.getByTestId('report-beacon');
	await expect(finding).toContainText('90 %');
	expect(Number(await kpi(page, 'beacon_point_lat'))).toBeLessThan(0);
	expect(Number(await kpi(page, 'beacon_region90_m2'))).toBeGreaterThan(10);
	expect(Number(await kpi(page, 'beacon_region90_reach_m'))).toBeGreaterThan(1);
	// The report's KPI list carries the same cards as the review.
	for (const name of ['beacon_region90_m2', 'beacon_region90_reach_m', 'detections_unexplained'])
		expect(Number(await kpi(page, name))).toBeGreaterThan(0);
	await finding.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/screens/report-beacon.png' });
});
