import { expect, test, waitForReview } from './fixtures';

test('library lists missions with KPIs, sorts, and compares two side by side', async ({ page }) => {
	// Load two demos in this tab (in-app navigation keeps the tab's database).
	await page.goto('./review/?src=demo/open-field-s1/');
	await waitForReview(page);
	await page.getByRole('link', { name: '← Library' }).click();
	await page.locator('[data-demo="interference-s3"]').click();
	await waitForReview(page);
	await page.getByRole('link', { name: '← Library' }).click();
	const table = page.getByTestId('mission-table');
	await expect(table.locator('tbody tr')).toHaveCount(2);
	await expect(table).toContainText('FR3');
	// Sort by detection range, both ways.
	await page.getByRole('button', { name: /Detection range/ }).click();
	await expect(page.locator('th[aria-sort="descending"]')).toContainText('Detection range');
	await page.getByRole('button', { name: /Detection range/ }).click();
	await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Detection range');
	await expect(page.getByTestId('fleet')).toBeVisible();
	await page.getByRole('checkbox').nth(0).check();
	await page.getByRole('checkbox').nth(1).check();
	await page.getByTestId('compare').click();
	await expect(page.getByTestId('compare-kpis')).toContainText('Detection range');
	expect(
		await page.getByTestId('aligned-chart').locator('g[aria-label="line"] path').count()
	).toBeGreaterThan(0);
	await expect(page.locator('.maplibregl-canvas')).toBeVisible();
	// The compare link carries the missions' URLs: opened fresh (a new tab, a colleague) it loads them.
	const shared = page.url();
	expect(new URL(shared).searchParams.getAll('src')).toHaveLength(2);
	await page.waitForTimeout(3000);
	await page.screenshot({ path: 'test-results/screens/compare.png' });
	const fresh = await page.context().newPage();
	await fresh.goto(shared);
	await expect(fresh.getByTestId('compare-kpis')).toContainText('Detection range');
	await fresh.close();
	await page.getByRole('link', { name: '← Library' }).click();
	await page.screenshot({ path: 'test-results/screens/library.png', fullPage: true });
});

test('a library shared as ?src= links opens loaded; compare without a pair says what to do', async ({
	page
}) => {
	await page.goto('./?src=demo/open-field-s1/&src=demo/no-beacon-s4/');
	await expect(page.getByTestId('mission-table').locator('tbody tr')).toHaveCount(2);
	await page.goto('./compare/');
	await expect(page.getByTestId('compare-empty')).toContainText('tick two missions');
	// Two links and no pair named: the first two missions they hold.
	await page.goto('./compare/?src=demo/open-field-s1/&src=demo/no-beacon-s4/');
	await expect(page.getByTestId('compare-kpis')).toContainText('Detection range');
});

test('brushing a fleet chart filters the other charts and the table (crossfilter)', async ({
	page
}) => {
	const demos = ['open-field-s1', 'urban-s2', 'interference-s3', 'no-beacon-s4'];
	await page.goto(`./?${demos.map((d) => `src=demo/${d}/`).join('&')}`);
	const rows = page.getByTestId('mission-table').locator('tbody tr');
	await expect(rows).toHaveCount(4);
	const count = page.getByTestId('fleet-count');
	await expect(count).toHaveAttribute('data-value', '4');
	// Drag across the whole detection-range chart: the mission that never detected (no range)
	// drops out of every other chart and of the table.
	// The figure's box, not its SVG: Plot replaces the SVG when the chart redraws.
	const chart = page.getByTestId('fleet-range');
	await expect(chart.locator('svg').first()).toBeVisible();
	await chart.scrollIntoViewIfNeeded();
	const box = (await chart.boundingBox())!;
	await page.mouse.move(box.x + 42, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
	await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 4 });
	await page.mouse.up();
	await expect(count).toHaveAttribute('data-value', '3');
	await expect(rows).toHaveCount(3);
	await expect(page.getByTestId('mission-table')).not.toContainText('no-beacon');
	await page.screenshot({ path: 'test-results/screens/fleet-brushed.png', fullPage: true });
	await page.getByTestId('fleet-clear').click();
	await expect(rows).toHaveCount(4);
});
