import type { NamedBytes } from '../../src/lib/ingest/files';
import { simulateMission } from '../../src/lib/sim';
import { piStateDb, recorderCsv, wsJsonl } from '../support/ingest-formats';
import { expect, kpi, test, waitForReview } from './fixtures';

const sim = simulateMission({ seed: 5, scenario: 'interference', missionId: 'e2e-import' });
const file = (f: NamedBytes) => ({
	name: f.name,
	mimeType: 'application/octet-stream',
	buffer: Buffer.from(f.bytes)
});

test('a WebSocket JSONL capture opens as a mission, with its data-quality notes', async ({
	page
}) => {
	await page.goto('./');
	await expect(page.getByTestId('engine-status')).toContainText('DuckDB v', { timeout: 60_000 });
	await page.getByTestId('file-input').setInputFiles(file(wsJsonl(sim.ws)));
	await waitForReview(page);
	// Every rssi message the Pi sent becomes one RSSI sample.
	const sent = sim.ws.filter((m) => (m as { type: string }).type === 'rssi').length;
	expect(Number(await kpi(page, 'rssi_samples'))).toBe(sent);
	await expect(page.getByTestId('data-quality')).toBeVisible();
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: `Imported 1 mission: ${sent.toLocaleString('en-US')} RSSI samples` })
	).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/import-jsonl.png' });
});

test("the Pi's own pisad.db says what it held: state history, no RSSI", async ({ page }) => {
	await page.goto('./');
	await expect(page.getByTestId('engine-status')).toContainText('DuckDB v', { timeout: 60_000 });
	const bytes = await piStateDb();
	await page.getByTestId('file-input').setInputFiles(file({ name: 'pisad.db', bytes }));
	await expect(
		page.getByRole('status').filter({
			hasText:
				'Imported 3 missions: 30 state transitions; no RSSI samples, no telemetry rows, no detections.'
		})
	).toBeVisible({ timeout: 60_000 });
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a telemetry-recorder CSV opens; an empty file is refused by name and the page stays', async ({
	page,
	watch
}) => {
	watch.allow('Failed to load resource');
	await page.goto('./');
	await expect(page.getByTestId('engine-status')).toContainText('DuckDB v', { timeout: 60_000 });
	await page.getByTestId('file-input').setInputFiles(file(recorderCsv(sim.tables)));
	await waitForReview(page);
	expect(Number(await kpi(page, 'rssi_samples'))).toBeGreaterThan(1000);
	await page.getByRole('link', { name: '← Library' }).click();
	await page.getByTestId('file-input').setInputFiles({
		name: 'empty.parquet',
		mimeType: 'application/octet-stream',
		buffer: Buffer.alloc(0)
	});
	await expect(page.getByRole('alert').first()).toContainText('empty.parquet');
	// The mission loaded before stays open and usable.
	await expect(page.locator('h1')).toContainText('telemetry_20250821');
	await expect(page.locator('[data-kpi="rssi_samples"]')).toBeVisible();
});
