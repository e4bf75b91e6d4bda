/**
 * The library stays in the browser: a folder of missions chosen on the home page stays on the
 * library (no review opens), a corrupt mission in it names itself while the rest imports, and
 * after a reload the stored missions are listed again; one opens in review (its rows come back
 * from storage), Remove and Forget do what they say.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, waitForReview } from './fixtures';

const DEMOS = ['open-field-s1', 'urban-s2', 'interference-s3'];

function libraryFolder(): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'pisad-lib-')), 'season');
	for (const d of [...DEMOS, 'broken']) mkdirSync(join(dir, d), { recursive: true });
	for (const d of DEMOS)
		for (const f of readdirSync(join('static/demo', d)).filter((x) => x.endsWith('.parquet')))
			cpSync(join('static/demo', d, f), join(dir, d, f));
	// A mission whose RSSI file is cut short: named in an error, the others import.
	for (const f of readdirSync(join('static/demo', 'no-beacon-s4')).filter((x) =>
		x.endsWith('.parquet')
	)) {
		const bytes = readFileSync(join('static/demo', 'no-beacon-s4', f));
		writeFileSync(
			join(dir, 'broken', f),
			f === 'rssi_sample.parquet' ? bytes.subarray(0, 300) : bytes
		);
	}
	return dir;
}

/** The home page with its engine up; the broken mission's error is expected. */
async function home({ page, watch }: { page: Page; watch: { allow(text: string): void } }) {
	watch.allow('rssi_sample.parquet');
	await page.goto('./');
	await expect(page.getByTestId('engine-status')).toContainText('DuckDB v');
}

test('a library folder imports, stays after a reload, and opens, removes and forgets', async ({
	page,
	watch
}) => {
	await home({ page, watch });
	await page.locator('input[webkitdirectory]').setInputFiles(libraryFolder());
	const rows = page.getByTestId('mission-table').locator('tbody tr');
	await expect(rows).toHaveCount(3);
	await expect(page).toHaveURL(/\/$/); // a library stays on the library
	await expect(
		page.getByRole('alert').filter({ hasText: 'broken/rssi_sample.parquet' })
	).toBeVisible();
	// What came in, said once: missions, rows per table, the time span, what was skipped.
	await expect(
		page.getByRole('status').filter({ hasText: /^Imported 3 missions: [\d,]+ RSSI samples, / })
	).toContainText(/From 20\d\d-.* Skipped: .*1 folder or file that could not be read/);
	const bar = page.getByTestId('stored-library');
	await expect(bar).toHaveAttribute('data-stored', '3');
	await expect(bar).toContainText('Kept in this browser: 3 missions');

	await page.reload();
	await expect(rows).toHaveCount(3);
	await expect(page.getByTestId('fleet-count')).toHaveAttribute('data-value', '3');
	await page.screenshot({ path: 'test-results/screens/library-reopened.png', fullPage: true });
	await rows.getByRole('link', { name: /Urban/ }).click();
	await waitForReview(page);
	await expect(page.locator('[data-kpi="rssi_samples"]')).not.toContainText('—');

	await page.getByRole('link', { name: '← Library' }).click();
	await page.getByRole('button', { name: /Remove Interference/ }).click();
	await expect(rows).toHaveCount(2);
	await expect(bar).toHaveAttribute('data-stored', '2');
	await page.reload();
	await expect(rows).toHaveCount(2);
	await page.getByTestId('forget-library').click();
	await expect(bar).toHaveAttribute('data-stored', '0');
	await page.reload();
	await expect(page.getByText('No missions loaded yet.')).toBeVisible();
});

test('a folder chosen with the dialog goes into an import engine that is up already', async ({
	page,
	watch
}) => {
	await home({ page, watch });
	const chooser = page.waitForEvent('filechooser');
	await page.getByText('Choose a folder…').click();
	// The user looks for the folder; the import's engine (the page's, or the dialog's) is up.
	await page.waitForFunction(() => performance.getEntriesByName('pisad:engine-ahead').length > 0);
	await (await chooser).setFiles(libraryFolder());
	await expect(page.getByTestId('stored-library')).toHaveAttribute('data-stored', '3');
	expect(await engineAhead(page)).toEqual({ upBeforeFiles: true, taken: 1 });
});

test('the home page holds an import engine ready: a folder given without the button takes it', async ({
	page,
	watch
}) => {
	await home({ page, watch });
	// Started soon after the page opens, warmed on the demo missions and held while the page is
	// shown; the files come once it is up (no dialog, as a drop).
	await page.waitForFunction(() => performance.getEntriesByName('pisad:engine-ahead').length > 0);
	await page.locator('input[webkitdirectory]').setInputFiles(libraryFolder());
	await expect(page.getByTestId('stored-library')).toHaveAttribute('data-stored', '3');
	// It was up before the files came, and the import took it.
	expect(await engineAhead(page)).toEqual({ upBeforeFiles: true, taken: 1 });
	// The fleet's five charts are drawn once when the import ends, not again when the tab's
	// (empty) mission list is read again after it.
	await expect(page.getByTestId('fleet-count')).toHaveAttribute('data-value', '3');
	await page.waitForTimeout(1000);
	expect(await page.evaluate(() => performance.getEntriesByName('pisad:fleet-drawn').length)).toBe(
		5
	);
});

/** Whether the import's engine started ahead was up before the files came, and times taken. */
function engineAhead(page: Page): Promise<{ upBeforeFiles: boolean; taken: number }> {
	return page.evaluate(() => {
		const up = performance.getEntriesByName('pisad:engine-ahead')[0];
		const dropped = performance.getEntriesByName('pisad:drop')[0];
		return {
			upBeforeFiles: !!up && !!dropped && up.startTime + up.duration < dropped.startTime,
			taken: performance.getEntriesByName('pisad:import:spare-taken').length
		};
	});
}
