/**
 * Live ground-station figures for `npm run bench`: sample-to-screen latency at the Pi's 10 Hz
 * (simulator at 1×), and the page's JS heap over a 10-minute session replayed at 10× (goal: flat).
 */
import type { Browser } from 'playwright-core';
import { startPiSim } from './pi-sim/server';

type Row = [string, string, string, string];

async function heapMb(page: import('playwright-core').Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	await cdp.send('HeapProfiler.collectGarbage');
	const { metrics } = await cdp.send('Performance.getMetrics');
	await cdp.detach();
	return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1e6;
}

/** Run both live measurements against the built app at `base`; returns table rows. */
export async function runLiveBench(browser: Browser, base: string): Promise<Row[]> {
	const rows: Row[] = [];
	const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	const page = await ctx.newPage();

	// 1) Latency at 10 Hz: 30 s of a mission in real time.
	let sim = await startPiSim({
		scenario: 'open-field',
		seed: 1,
		speed: 1,
		port: 0,
		startAt_s: 240
	});
	try {
		await page.goto(`${base}live/?pi=${sim.url.replace('http://', '')}`);
		await page
			.locator('[data-testid="live-status"][data-status="connected"]')
			.waitFor({ timeout: 120_000 });
		await page.waitForTimeout(30_000);
		const lat = page.getByTestId('live-latency');
		const p50 = Number(await lat.getAttribute('data-p50'));
		const p95 = Number(await lat.getAttribute('data-p95'));
		rows.push([
			'live sample → screen latency at 10 Hz (1×, 30 s)',
			`p50 ${p50.toFixed(0)} ms / p95 ${p95.toFixed(0)} ms`,
			'p95 ≤ 150 ms',
			'newest RSSI frame arrival → the animation frame that painted it'
		]);
	} finally {
		await sim.close();
	}

	// 2) Memory over a 10-minute session at 10× (60 s of wall time).
	sim = await startPiSim({
		scenario: 'sortie-1h',
		seed: 3,
		speed: 10,
		port: 0,
		startAt_s: 60,
		endAt_s: 660
	});
	try {
		await page.goto(`${base}live/?pi=${sim.url.replace('http://', '')}`);
		await page
			.locator('[data-testid="live-status"][data-status="connected"]')
			.waitFor({ timeout: 120_000 });
		const heap: number[] = [];
		for (let i = 0; i < 4; i++) {
			await page.waitForTimeout(i === 0 ? 6_000 : 18_000);
			heap.push(await heapMb(page));
		}
		const growth = (heap.at(-1) ?? NaN) - (heap[1] ?? NaN);
		rows.push([
			'live JS heap over a 10-min session at 10× (after 1, 4, 7, 10 mission-min)',
			heap.map((h) => `${h.toFixed(0)}`).join(' → ') + ' MB',
			'flat',
			`growth after the first 4 min: ${growth.toFixed(1)} MB (rows live in DuckDB's wasm memory, not in JS)`
		]);
	} finally {
		await sim.close();
		await ctx.close();
	}
	return rows;
}
