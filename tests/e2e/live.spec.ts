/**
 * Live ground station against the Pi simulator (started in-process on a free port), with a link
 * drop mid-flight and duplicated, reordered and malformed frames: what DuckDB holds must equal what
 * the simulator sent while connected, state transitions missed in the gap are backfilled once,
 * the recording survives a reload, and "Save flight" writes a file the review page opens.
 */
import { readFile } from 'node:fs/promises';
import type { PiSim } from '../../src/node/pi-sim/server';
import { expect, kpi, liveWithSim, test, waitForReview } from './fixtures';

const num = async (page: import('@playwright/test').Page, name: string) =>
	Number((await kpi(page, name)) || NaN);

/** The Pi's state history since `since` (epoch ms); retried while the simulated link is down. */
async function historySince(sim: PiSim, since: number): Promise<number> {
	for (;;) {
		const res = await fetch(`${sim.url}/api/system/state-history?limit=200`);
		if (res.ok) {
			const body = (await res.json()) as { history: { timestamp: string }[] };
			return body.history.filter((h) => Date.parse(h.timestamp) >= since).length;
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}

test('a live flight with a link drop: recorded = sent, backfilled, survives a reload', async ({
	page,
	watch
}) => {
	test.setTimeout(120_000);
	// Mission 250..340 s (detections, homing, signal lost) at 8×: about 11 s, drops at 4 and 8 s.
	const sim = await liveWithSim(page, watch, {
		scenario: 'open-field',
		seed: 1,
		speed: 8,
		port: 0,
		startAt_s: 250,
		endAt_s: 340,
		faults: { dropEvery_s: 4, dropFor_s: 1.5, duplicate: 0.1, reorder: 0.05, malformed: 0.02 }
	});
	try {
		await page.getByTestId('pi-address').fill(sim.url.replace('http://', ''));
		await page.getByRole('button', { name: 'Connect' }).click();
		await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'connected');
		await expect.poll(() => num(page, 'rssi_samples')).toBeGreaterThan(50);
		const early = await num(page, 'rssi_samples');
		await expect.poll(() => num(page, 'rssi_samples')).toBeGreaterThan(early + 100);
		await page.waitForTimeout(2500);
		await page.screenshot({ path: 'test-results/screens/live-flight.png', fullPage: true });

		await expect.poll(() => sim.stats().done, { timeout: 30_000 }).toBe(true);
		const stats = sim.stats();
		expect(stats.gaps.length).toBeGreaterThanOrEqual(2);
		expect(stats.lost.rssi ?? 0).toBeGreaterThan(0);
		// Everything sent while connected is in DuckDB, once (duplicates were sent and dropped).
		await expect.poll(() => num(page, 'rssi_samples'), { timeout: 20_000 }).toBe(stats.sent.rssi);
		expect(await num(page, 'telemetry_samples')).toBe(stats.sent.telemetry);
		// The gap KPI may answer a refresh after the counts (a separate panel query).
		await expect.poll(() => num(page, 'link_gaps'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
		const status = page.getByTestId('live-status');
		expect(Number(await status.getAttribute('data-duplicates'))).toBeGreaterThan(0);
		expect(Number(await status.getAttribute('data-malformed'))).toBeGreaterThan(0);
		// State transitions: the missed ones came back from /api/system/state-history, once each.
		const started = Number(await page.getByTestId('live').getAttribute('data-started-at'));
		await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'connected', {
			timeout: 20_000
		});
		const expected = await historySince(sim, started);
		expect(expected).toBeGreaterThan(3);
		await expect.poll(() => num(page, 'state_transitions'), { timeout: 20_000 }).toBe(expected);
		expect(await num(page, 'noise_floor_p10_dbm')).toBeLessThan(-90);
		// The review's fit runs on the recorded rows every 5 s: its uncertainty radius shows, and its
		// position is near the site (-35.363, 149.165): the recorded positions are exact.
		await expect.poll(() => num(page, 'beacon_est_err_m'), { timeout: 15_000 }).toBeGreaterThan(0);
		expect(Math.abs((await num(page, 'beacon_est_lat')) + 35.363)).toBeLessThan(0.01);
		expect(Math.abs((await num(page, 'beacon_est_lon')) - 149.165)).toBeLessThan(0.01);
		// Range and bearing from the drone to it (the drone is within a few hundred metres).
		expect(await num(page, 'beacon_range_m')).toBeLessThan(1000);
		const bearing = await num(page, 'beacon_bearing_deg');
		expect(bearing).toBeGreaterThanOrEqual(0);
		expect(bearing).toBeLessThan(360);
		const recorded = await num(page, 'rssi_samples');
		await page.screenshot({ path: 'test-results/screens/live-after-gaps.png', fullPage: true });

		// Save flight: a zip of contract Parquet that the library opens with every row.
		const download = page.waitForEvent('download');
		await page.getByTestId('save-flight').click();
		const saved = await download;
		expect(saved.suggestedFilename()).toMatch(/^live-.*\.zip$/);
		const review = await page.context().newPage();
		await review.goto('./');
		await expect(review.getByTestId('engine-status')).toContainText('DuckDB v', {
			timeout: 60_000
		});
		await review.getByTestId('file-input').setInputFiles({
			name: saved.suggestedFilename(),
			mimeType: 'application/zip',
			buffer: await readFile(await saved.path())
		});
		await waitForReview(review);
		expect(await num(review, 'rssi_samples')).toBe(recorded);
		// Positions survive the round trip: the saved flight's fit lands near the site too.
		await expect
			.poll(async () => Math.abs((await num(review, 'beacon_est_lat')) + 35.363), {
				timeout: 20_000
			})
			.toBeLessThan(0.01);
		await review.close();

		// Reload: the recording (kept every second) is offered back and opens with every row.
		await page.waitForTimeout(1500);
		await page.goto('./live/');
		const mission = (await page
			.getByTestId('recording-offer')
			.locator('li')
			.first()
			.getAttribute('data-recording')) as string;
		expect(mission).toMatch(/^live-/);
		await page.screenshot({ path: 'test-results/screens/live-offer.png' });
		await page.getByTestId('recording-offer').getByRole('button', { name: 'Open' }).first().click();
		await waitForReview(page);
		expect(await num(page, 'rssi_samples')).toBe(recorded);
	} finally {
		await sim.close();
	}
});
