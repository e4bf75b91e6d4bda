/**
 * Fetching a recorded mission from the Pi (the simulator, on a bandwidth-limited link): the list
 * shows each mission's duration and counts from its Parquet footers before any download, a
 * 1-hour sortie is read by HTTP ranges (206 answers in the simulator's log; of the .duckdb only
 * the link probe's reads) and opens with the right counts; a Pi that ignores Range gets whole
 * downloads.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { simulateMission } from '../../src/lib/sim';
import { writeMission } from '../../src/node/mission-writer';
import { startPiSim, type PiSim } from '../../src/node/pi-sim/server';
import type { LinkOptions } from '../../src/node/pi-sim/link';
import { expect, kpi, test, waitForReview } from './fixtures';

const ID = 'pi-sortie-1h';
const sortie = simulateMission({ seed: 5, scenario: 'sortie-1h', missionId: ID });
let dir = '';

test.beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'pisad-pi-fetch-'));
	await writeMission(sortie, join(dir, ID), { parquet: true, duckdb: true, jsonl: false });
});

async function withPi(link: LinkOptions, run: (sim: PiSim) => Promise<void>) {
	const sim = await startPiSim({
		scenario: 'open-field',
		seed: 3,
		speed: 1,
		port: 0,
		endAt_s: 5,
		missionsDir: dir,
		link
	});
	try {
		await run(sim);
	} finally {
		await sim.close();
	}
}

async function listMissions(page: Page, sim: PiSim) {
	await page.goto(`./live/`);
	await page.getByTestId('pi-address').fill(sim.url.replace('http://', ''));
	await page.getByTestId('pi-list').click();
	await expect(page.locator(`[data-download="${ID}"]`)).toBeVisible();
}

test('a large Pi mission is read by ranges, summarised from its footers first', async ({
	page,
	watch
}) => {
	test.setTimeout(180_000);
	// 20 Mbit/s, 20 ms: a good radio link; the 3.1 MB of Parquet take ~1.3 s on it.
	await withPi({ bandwidthKbps: 20_000, latencyMs: 20 }, async (sim) => {
		watch.allowOrigin(sim.url);
		await listMissions(page, sim);
		const summary = page.locator(`[data-pi-mission="${ID}"] [data-summary]`);
		await expect(summary).toHaveAttribute(
			'data-rssi-samples',
			String(sortie.tables.rssi_sample.length)
		);
		await expect(summary).toContainText('1 h 00 min');
		await expect(summary).toContainText(`${sortie.tables.detection.length} detections`);
		const footers = sim.requests().filter((r) => r.path.endsWith('.parquet'));
		expect(footers.every((r) => r.status === 206)).toBe(true);
		expect(footers.reduce((s, r) => s + r.bytes, 0)).toBeLessThan(64 * 1024);

		await page.locator(`[data-download="${ID}"]`).click();
		await waitForReview(page);
		expect(Number(await kpi(page, 'rssi_samples'))).toBe(sortie.tables.rssi_sample.length);
		const served = sim.requests();
		const rssi = served.filter((r) => r.path.endsWith('/rssi_sample.parquet'));
		expect(rssi.length).toBeGreaterThan(1);
		expect(rssi.every((r) => r.status === 206)).toBe(true);
		// The .duckdb is only touched by the link probe (256 KiB, then 1 MiB more on a link over
		// 10 Mbit/s), never downloaded.
		const duckdb = served.filter((r) => r.path.endsWith('.duckdb'));
		expect(duckdb.reduce((s, r) => s + r.bytes, 0)).toBeLessThanOrEqual(1280 * 1024);
		expect(served.some((r) => r.status === 200)).toBe(false);
	});
});

test('a Pi that ignores Range: no footer summary, the mission downloads whole', async ({
	page,
	watch
}) => {
	test.setTimeout(180_000);
	await withPi({ noRanges: true }, async (sim) => {
		watch.allowOrigin(sim.url);
		await listMissions(page, sim);
		await page.locator(`[data-download="${ID}"]`).click();
		await waitForReview(page);
		expect(Number(await kpi(page, 'rssi_samples'))).toBe(sortie.tables.rssi_sample.length);
		const served = sim.requests();
		expect(served.some((r) => r.status === 206)).toBe(false);
		// Whole files, each once (plus at most the aborted footer read of the list).
		const rssi = served.filter((r) => r.path.endsWith('/rssi_sample.parquet'));
		expect(rssi.length).toBeLessThanOrEqual(2);
		await expect(page.locator('[data-summary]')).toHaveCount(0);
	});
});
