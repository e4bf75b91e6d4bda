/**
 * The live beacon posterior against the Pi simulator (issue 16 items 5–6): from the first
 * detections the 90 % region appears on the live map with its area as a KPI, it shrinks as the
 * drone closes in, the next leg is drawn with its expected gain, and a link that drops and sends
 * duplicates adds no pulse twice.
 */
import { distanceM } from '../../src/lib/geo';
import { expect, kpi, liveWithSim, test } from './fixtures';

const START_S = 150;
const END_S = 360;

test('live: the beacon region appears, shrinks, and the next leg is drawn', async ({
	page,
	watch
}) => {
	test.setTimeout(120_000);
	// Mission 150..360 s of open-field seed 3 (the drone finds and homes on the beacon) at 8×.
	const sim = await liveWithSim(page, watch, {
		scenario: 'open-field',
		seed: 3,
		speed: 8,
		port: 0,
		startAt_s: START_S,
		endAt_s: END_S,
		faults: { dropEvery_s: 6, dropFor_s: 1.5, duplicate: 0.1, reorder: 0.05 }
	});
	const legend = page.getByTestId('live-posterior');
	const area = async () => Number(await legend.getAttribute('data-area90'));
	const hostPort = sim.url.replace('http://', '');
	try {
		// The replay starts in the air: as after an earlier session with this Pi, its take-off point
		// is remembered, so heights are above home (the posterior's slant ranges need them).
		const home = sim.tables.vehicle_telemetry[0]!;
		await page.evaluate(([key, origin]) => localStorage.setItem(key, origin), [
			`pisad.origin.${hostPort}`,
			JSON.stringify({
				lat_deg: home.lat_deg,
				lon_deg: home.lon_deg,
				alt_amsl_m: home.alt_amsl_m,
				savedAt: Date.now()
			})
		] as const);
		await page.getByTestId('pi-address').fill(hostPort);
		await page.getByRole('button', { name: 'Connect' }).click();
		await expect(legend).toBeVisible({ timeout: 30_000 });
		const first = await area();
		expect(first).toBeGreaterThan(0);
		expect(Number(await kpi(page, 'live_region90_m2'))).toBeGreaterThan(0);
		await page.screenshot({ path: 'test-results/screens/live-posterior-early.png' });

		// It shrinks as the drone homes: at the end a small fraction of the first region.
		await expect.poll(() => sim.stats().done, { timeout: 60_000 }).toBe(true);
		await expect.poll(area, { timeout: 15_000 }).toBeLessThan(first / 10);
		expect(Number(await kpi(page, 'live_region90_m2'))).toBeCloseTo(await area(), -1);
		expect(Number(await kpi(page, 'live_region90_reach_m'))).toBeGreaterThan(0);

		// The most probable point is near the true beacon.
		const truth = sim.tables.beacon_truth[0]!;
		const point = {
			lat_deg: Number(await legend.getAttribute('data-lat')),
			lon_deg: Number(await legend.getAttribute('data-lon'))
		};
		expect(distanceM(point, { lat_deg: truth.lat_deg!, lon_deg: truth.lon_deg! })).toBeLessThan(60);

		// The next leg is drawn (a path from the drone) with its expected reduction of the area.
		await expect(legend).not.toHaveAttribute('data-next-leg', '0', { timeout: 15_000 });
		await expect(legend).toContainText('next leg');
		const gain = Number(await kpi(page, 'next_leg_gain_pct'));
		expect(gain).toBeGreaterThanOrEqual(0);
		expect(gain).toBeLessThanOrEqual(100);

		// Keyed by time: drops, duplicates and reordering add no pulse twice (one per second).
		const pulses = Number(await legend.getAttribute('data-pulses'));
		expect(sim.stats().gaps.length).toBeGreaterThanOrEqual(1);
		expect(pulses).toBeGreaterThan(50);
		expect(pulses).toBeLessThanOrEqual(END_S - START_S + 1);
		await page
			.getByTestId('live-map')
			.screenshot({ path: 'test-results/screens/live-posterior.png' });
	} finally {
		await sim.close();
	}
});
