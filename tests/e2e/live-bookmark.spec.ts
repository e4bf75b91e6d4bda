/**
 * A bookmark `live/?pi=host:port` reconnects on open, and a recorded mission listed by the Pi
 * downloads and opens in review. The Pi simulator runs in-process with two recorded missions.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateMission } from '../../src/lib/sim';
import { writeMission } from '../../src/node/mission-writer';
import { startPiSim } from '../../src/node/pi-sim/server';
import { expect, kpi, test, waitForReview } from './fixtures';

test('?pi= reconnects from a bookmark; a Pi mission downloads and opens in review', async ({
	page,
	watch
}) => {
	test.setTimeout(120_000);
	const dir = await mkdtemp(join(tmpdir(), 'pisad-pi-missions-'));
	const rec = simulateMission({ seed: 11, scenario: 'interference', missionId: 'pi-recorded-11' });
	await writeMission(rec, join(dir, 'pi-recorded-11'), {
		parquet: true,
		duckdb: false,
		jsonl: false
	});
	const sim = await startPiSim({
		scenario: 'open-field',
		seed: 2,
		speed: 4,
		port: 0,
		startAt_s: 200,
		missionsDir: dir
	});
	watch.allowOrigin(sim.url);
	try {
		await page.goto(`./live/?pi=${sim.url.replace('http://', '')}`);
		await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'connected', {
			timeout: 60_000
		});
		await expect
			.poll(async () => Number((await kpi(page, 'rssi_samples')) || 0))
			.toBeGreaterThan(20);
		await page.getByRole('button', { name: 'List missions' }).click();
		await page.locator('[data-download="pi-recorded-11"]').click();
		await waitForReview(page);
		expect(Number(await kpi(page, 'rssi_samples'))).toBe(rec.tables.rssi_sample.length);
	} finally {
		await sim.close();
	}
});
