/**
 * Every page reopens from its URL after a reload (issue 14): a mission opened from the library
 * carries the link it was loaded from, so its review, its report and a comparison come back in a
 * fresh tab's database instead of "No mission is open".
 */
import { expect, test, waitForReview } from './fixtures';

test('review, report and compare reopen after a reload', async ({ page }) => {
	await page.goto('./?src=demo/open-field-s1/&src=demo/interference-s3/');
	const table = page.getByTestId('mission-table');
	await expect(table.locator('tbody tr')).toHaveCount(2);
	await table.locator('tbody tr a').first().click();
	await waitForReview(page);
	expect(new URL(page.url()).searchParams.getAll('src')).toHaveLength(1);
	await page.reload();
	await waitForReview(page);

	await page.getByTestId('export-menu').locator('summary').click();
	await page.getByTestId('report-link').click();
	const report = page.getByTestId('report');
	await expect(report).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
	await page.reload();
	// While the link loads the page says so, never "No mission is open".
	await expect(report).not.toContainText('No mission is open');
	await expect(report).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
	await expect(report).not.toContainText('No mission is open');

	await page.goto('./compare/?src=demo/open-field-s1/&src=demo/interference-s3/');
	await expect(page.getByTestId('compare-kpis')).toContainText('Detection range');
	await page.reload();
	await expect(page.getByTestId('compare-kpis')).toContainText('Detection range');
});
