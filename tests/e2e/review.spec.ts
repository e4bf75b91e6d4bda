import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateMission } from '../../src/lib/sim';
import { writeMission } from '../../src/node/mission-writer';
import { expect, kpi, test, waitForReview } from './fixtures';

test('a dropped .duckdb mission opens in review with its KPIs', async ({ page }) => {
	const dir = join(await mkdtemp(join(tmpdir(), 'pisad-e2e-')), 'drop-duckdb');
	const sim = simulateMission({ seed: 3, scenario: 'interference', missionId: 'e2e-duckdb' });
	await writeMission(sim, dir, { parquet: false, duckdb: true, jsonl: false });
	await page.goto('./');
	await expect(page.getByTestId('engine-status')).toContainText('DuckDB v', { timeout: 60_000 });
	await page.getByTestId('file-input').setInputFiles({
		name: 'mission.duckdb',
		mimeType: 'application/octet-stream',
		buffer: await readFile(join(dir, 'mission.duckdb'))
	});
	await waitForReview(page);
	expect(Number(await kpi(page, 'rssi_samples'))).toBe(sim.tables.rssi_sample.length);
	expect(Number(await kpi(page, 'detections'))).toBe(sim.tables.detection.length);
});

test('replay, brush and map click move every panel, and the URL reopens the same picture', async ({
	page
}) => {
	await page.goto('./review/?src=demo/open-field-s1/&t=100');
	await waitForReview(page);
	const time = page.getByTestId('replay-time');
	await expect(time).toHaveAttribute('data-value', '100.0');
	// Keyboard: → steps 1 s; space plays.
	await page.keyboard.press('ArrowRight');
	await expect(time).toHaveAttribute('data-value', '101.0');
	await page.getByTestId('replay-toggle').click();
	await page.waitForTimeout(600);
	await page.getByTestId('replay-toggle').click();
	expect(Number(await time.getAttribute('data-value'))).toBeGreaterThan(101);
	// Every time chart (RSSI, SNR, state, gradient, 5 telemetry) shows the shared cursor, and it
	// moves when the replay time does.
	await expect(page.getByTestId('chart-cursor')).toHaveCount(9);
	const cursor = page.getByTestId('rssi-chart').getByTestId('chart-cursor');
	const left = await cursor.evaluate((el) => (el as HTMLElement).style.transform);
	await page.keyboard.press('Shift+ArrowRight');
	await expect
		.poll(() => cursor.evaluate((el) => (el as HTMLElement).style.transform))
		.not.toBe(left);
	// Brush 200–400 s on the RSSI chart: the URL records the range.
	const chart = page.getByTestId('rssi-chart');
	const box = (await chart.boundingBox())!;
	await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
	await page.mouse.up();
	await expect(page).toHaveURL(/from=\d+/);
	await expect(page.getByRole('button', { name: 'Show whole mission' })).toBeVisible();
	// A map click jumps to the nearest moment of the track.
	const before = await time.getAttribute('data-value');
	const map = page.locator('.maplibregl-canvas');
	await map.scrollIntoViewIfNeeded();
	const mb = (await map.boundingBox())!;
	await page.mouse.click(mb.x + mb.width * 0.5, mb.y + mb.height * 0.5);
	await expect(time).not.toHaveAttribute('data-value', before ?? '');
	// Colour by state; the link reopens the same picture in a new tab.
	await page.getByRole('radio', { name: 'State' }).click();
	await expect(page).toHaveURL(/color=state/);
	const url = page.url();
	const t = await time.getAttribute('data-value');
	const again = await page.context().newPage();
	await again.goto(url);
	await waitForReview(again);
	await expect(again.getByTestId('replay-time')).toHaveAttribute('data-value', t ?? '');
	await expect(again.getByRole('radio', { name: 'State' })).toHaveAttribute('aria-checked', 'true');
	await page.screenshot({ path: 'test-results/screens/review-linked.png' });
});

test('review works at 1920×1080 in the light theme', async ({ page }) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto('./review/?src=demo/urban-s2/');
	await waitForReview(page);
	await page.getByRole('button', { name: 'Switch theme' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	// The map is rebuilt for the new theme: give software GL time to draw its first frame.
	await page.waitForTimeout(4000);
	await page.screenshot({ path: 'test-results/screens/review-light-1080.png', fullPage: true });
});

test('the theme follows the system until the button chooses one', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('./');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await page.getByRole('button', { name: 'Switch theme' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.reload();
	// The choice is remembered over the system's preference (checked once the page has started).
	await expect(page.getByTestId('engine-status')).toContainText('DuckDB v');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
