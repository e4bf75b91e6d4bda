/**
 * Field build journeys: the static build under a sub-path, offline after the first visit (service
 * worker), DuckDB's threaded bundle with COOP/COEP, data strings that never become HTML, the
 * printable report and the SQL console. Each group runs its own static server (src/node/serve.ts)
 * so it controls the path and headers.
 */
import { appendFile, cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { simulateMission } from '../../src/lib/sim';
import { writeMission } from '../../src/node/mission-writer';
import { serveStatic } from '../../src/node/serve';
import { expect, test, waitForReview } from './fixtures';

const SUB = 'http://127.0.0.1:47395/sub/pisad/';
const ISOLATED = 'http://127.0.0.1:47396/';
const SCREENS = 'test-results/screens';
const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';

const servers: Server[] = [];
test.beforeAll(async () => {
	servers.push(await serveStatic('build', 47395, '127.0.0.1', { base: '/sub/pisad/' }));
	servers.push(await serveStatic('build', 47396, '127.0.0.1', { isolated: true }));
});
test.afterAll(async () => {
	for (const s of servers.splice(0)) await new Promise((ok) => s.close(ok));
});

/** Any alert()/confirm() means a data string ran as code. */
function failOnDialog(page: Page) {
	page.on('dialog', (d) => {
		throw new Error(`unexpected dialog: ${d.message()}`);
	});
}

async function engineReady(page: Page) {
	await expect(page.getByTestId('engine-status')).toContainText('DuckDB v', { timeout: 60_000 });
}

test.describe('under a sub-path', () => {
	test.use({ baseURL: SUB });

	test('loads, opens a demo, then works offline after the first visit', async ({
		page,
		context
	}) => {
		test.setTimeout(120_000);
		failOnDialog(page);
		await page.goto('./');
		await engineReady(page);
		expect(await page.evaluate(() => document.documentElement.dataset.duckdbBundle)).toBe('eh');
		// The CSP is in the page itself.
		const csp = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
		expect(csp).toContain("object-src 'none'");
		await page.locator('[data-demo="open-field-s1"]').click();
		await waitForReview(page);
		expect(page.url()).toContain('/sub/pisad/review/');
		// The service worker has cached the app (install finishes before it activates).
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await expect
			.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
				timeout: 60_000
			})
			.toBe(true);

		await context.setOffline(true);
		await page.goto(`${SUB}review/?src=demo/open-field-s1/`);
		await waitForReview(page);
		await expect(page.getByTestId('offline')).toBeVisible();
		await page.screenshot({ path: `${SCREENS}/field-offline-review.png` });
		await context.setOffline(false);
	});

	test('a mission whose state reason holds markup and script renders it as text', async ({
		page
	}) => {
		failOnDialog(page);
		const dir = join(await mkdtemp(join(tmpdir(), 'pisad-field-')), 'xss');
		const sim = simulateMission({ seed: 5, scenario: 'open-field', missionId: 'xss-mission' });
		sim.tables.state_transition = sim.tables.state_transition.map((r) => ({
			...r,
			reason: XSS
		}));
		await writeMission(sim, dir, { parquet: true, duckdb: false, jsonl: false });
		const files = (await readdir(dir)).filter((f) => f.endsWith('.parquet'));
		await page.goto('./');
		await engineReady(page);
		await page.getByTestId('file-input').setInputFiles(
			await Promise.all(
				files.map(async (f) => ({
					name: f,
					mimeType: 'application/octet-stream',
					buffer: await readFile(join(dir, f))
				}))
			)
		);
		await waitForReview(page);
		// To the report through the export menu (a client-side navigation keeps the loaded data).
		await page.getByTestId('export-menu').locator('summary').click();
		await page.getByTestId('report-link').click();
		await expect(page.getByTestId('report')).toHaveAttribute('data-ready', 'true', {
			timeout: 60_000
		});
		const events = page.getByTestId('report-events');
		await expect(events.locator('td.reason').filter({ hasText: XSS }).first()).toBeVisible();
		expect(await page.locator('article img, article script').count()).toBe(0);
		await events.scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${SCREENS}/field-xss-as-text.png` });
	});

	test('the report renders, prints, and downloads as JSON', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto('./report/?src=demo/interference-s3/');
		await expect(page.getByTestId('report')).toHaveAttribute('data-ready', 'true', {
			timeout: 60_000
		});
		await expect(page.getByTestId('report-requirements').locator('tbody tr')).toHaveCount(5);
		for (const kind of ['arrival', 'first_detection', 'homing', 'acquisition'])
			await expect(page.locator(`[data-event="${kind}"]`)).toHaveCount(1);
		await expect(page.getByTestId('report-track').locator('svg')).toBeVisible();
		await expect(page.getByTestId('report-recommendations').locator('li').first()).toBeVisible();
		await page.screenshot({ path: `${SCREENS}/field-report-screen.png`, fullPage: true });

		const download = page.waitForEvent('download');
		await page.getByTestId('report-json').click();
		const json = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
		expect(json.mission.mission_id).toBe('interference-s3');
		expect(json.requirements).toHaveLength(5);
		expect(json.false_positives.detections.length).toBeGreaterThan(0);

		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('body > div > header')).toBeHidden();
		await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
		await page.waitForTimeout(300);
		await page.screenshot({ path: `${SCREENS}/field-report-print-a4.png`, fullPage: true });
		await page.setViewportSize({ width: 816, height: 1056 }); // Letter
		await page.waitForTimeout(300);
		await page.screenshot({ path: `${SCREENS}/field-report-print-letter.png`, fullPage: true });
		const a4 = await page.pdf({ format: 'A4', printBackground: true });
		const letter = await page.pdf({ format: 'Letter', printBackground: true });
		expect(a4.subarray(0, 4).toString()).toBe('%PDF');
		expect(letter.length).toBeGreaterThan(10_000);
	});

	test('SQL console: runs, shows errors where typed, scrolls a million rows', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('./sql/');
		await engineReady(page);
		await expect(page.getByTestId('sql-schema')).toContainText('rssi_sample');
		const editor = page.getByTestId('sql-editor');

		await editor.fill('SELECT 42 AS answer, $1::VARCHAR AS name');
		await page.getByTestId('sql-param-1').fill('pisad');
		await editor.press('Control+Enter');
		await expect(page.getByTestId('result-grid')).toContainText('42');
		await expect(page.getByTestId('result-grid')).toContainText('pisad');

		await editor.fill('SELECT 1\nFROM no_such_table');
		await editor.press('Control+Enter');
		const err = page.getByTestId('sql-error');
		await expect(err).toContainText('no_such_table');
		const eb = (await editor.boundingBox())!;
		const rb = (await err.boundingBox())!;
		expect(rb.y).toBeGreaterThanOrEqual(eb.y + eb.height - 1);
		expect(rb.y).toBeLessThan(eb.y + eb.height + 40);
		await page.screenshot({ path: `${SCREENS}/field-sql-error.png` });

		// Let the service worker finish caching first: its install competes for the CPU.
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await editor.fill('SELECT * FROM range(1000000)');
		await editor.press('Control+Enter');
		await expect(page.getByTestId('sql-status')).toContainText('1,000,000 row(s)', {
			timeout: 60_000
		});
		const scroller = page.getByTestId('result-scroll');
		expect(await scroller.locator('[data-row]').count()).toBeLessThan(60);
		// Scroll top → bottom in 60 steps. Per step, time our work (scroll handler, Svelte update,
		// style and layout of the new rows) and the whole frame. Headless Chromium here paints in
		// software (~2 vsyncs per scrolled frame even for a plain page), so the frame bar is loose and
		// the work bar strict.
		const { work, frames } = await scroller.evaluate(async (el) => {
			const work: number[] = [];
			const frames: number[] = [];
			const max = el.scrollHeight - el.clientHeight;
			for (let i = 1; i <= 60; i++) {
				const t0 = performance.now();
				el.scrollTop = (max * i) / 60;
				el.dispatchEvent(new Event('scroll'));
				await Promise.resolve();
				await Promise.resolve();
				el.querySelector('[data-row]')?.getBoundingClientRect();
				work.push(performance.now() - t0);
				await new Promise((r) => requestAnimationFrame(() => r(null)));
				frames.push(performance.now() - t0);
			}
			return { work, frames };
		});
		const pct = (xs: number[], p: number) =>
			[...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)] ?? Infinity;
		const shown = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(',');
		expect(pct(work, 0.9), `work per scroll step ${shown(work)}`).toBeLessThan(16);
		expect(pct(frames, 0.5), `frame times ${shown(frames)}`).toBeLessThan(100);
		await expect(scroller.locator('[data-row="999999"]')).toBeVisible();
		expect(await scroller.locator('[data-row]').count()).toBeLessThan(60);
		await page.screenshot({ path: `${SCREENS}/field-sql-million.png` });

		await editor.fill('SELECT range AS t_s, sin(range / 20.0) * 10 AS snr_db FROM range(400)');
		await editor.press('Control+Enter');
		await page.getByTestId('sql-chart-tab').click();
		await expect(page.getByTestId('quick-chart-plot').locator('svg')).toBeVisible();
		const download = page.waitForEvent('download');
		await page.locator('[data-export="csv"]').click();
		const csv = await readFile((await (await download).path())!, 'utf8');
		expect(csv.split('\r\n')[0]).toBe('t_s,snr_db');
		expect(csv.split('\r\n')).toHaveLength(402);
		await page.screenshot({ path: `${SCREENS}/field-sql-chart.png` });
	});
});

test.describe('cross-origin isolated host (COOP/COEP)', () => {
	test.use({ baseURL: ISOLATED });

	test('uses the threaded DuckDB bundle and answers queries', async ({ page }) => {
		await page.goto('./sql/');
		await engineReady(page);
		expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
		expect(await page.evaluate(() => document.documentElement.dataset.duckdbBundle)).toBe('coi');
		await page.getByTestId('sql-editor').fill('SELECT sum(range) AS s FROM range(1000000)');
		await page.getByTestId('sql-editor').press('Control+Enter');
		await expect(page.getByTestId('result-grid')).toContainText('499999500000');
	});
});

test.describe('field bundle', () => {
	test.use({ baseURL: 'http://127.0.0.1:47398/' });

	test('npm run bundle packs the build with chosen missions; node serve.mjs opens them', async ({
		page
	}) => {
		test.setTimeout(120_000);
		const tmp = await mkdtemp(join(tmpdir(), 'pisad-bundle-'));
		const sim = simulateMission({ seed: 8, scenario: 'open-field', missionId: 'field-team-m8' });
		sim.tables.mission = sim.tables.mission.map((m) => ({ ...m, name: 'Field team sortie 8' }));
		await writeMission(sim, join(tmp, 'missions', 'm8'), {
			parquet: true,
			duckdb: false,
			jsonl: false
		});
		const { bundle } = await import('../../src/node/bundle');
		const r = await bundle({
			build: 'build',
			missions: [join(tmp, 'missions')],
			out: join(tmp, 'field')
		});
		expect(r.missions.map((m) => m.id)).toEqual(['field-team-m8']);
		const zip = await readFile(r.zip!);
		expect(zip.subarray(0, 2).toString()).toBe('PK');
		const { spawn } = await import('node:child_process');
		const child = spawn(process.execPath, ['serve.mjs', '--port', '47398'], { cwd: r.out });
		try {
			await new Promise<void>((ok, fail) => {
				child.stdout.on('data', (d: Buffer) => d.toString().includes('http://') && ok());
				child.on('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
			});
			await page.goto('./');
			await engineReady(page);
			const demo = page.locator('[data-demo="field-team-m8"]');
			await expect(demo).toHaveText('Field team sortie 8');
			await expect(page.locator('[data-demo]')).toHaveCount(1);
			await page.screenshot({ path: `${SCREENS}/field-bundle-home.png` });
			await demo.click();
			await waitForReview(page);
		} finally {
			child.kill();
		}
	});
});

test.describe('updates', () => {
	test.use({ baseURL: 'http://127.0.0.1:47399/' });

	test('a new build deployed under an open page is announced, and Reload switches to it', async ({
		page
	}) => {
		test.setTimeout(120_000);
		const dir = join(await mkdtemp(join(tmpdir(), 'pisad-update-')), 'site');
		await cp('build', dir, { recursive: true });
		const server = await serveStatic(dir, 47399);
		try {
			await page.goto('./');
			await engineReady(page);
			await expect
				.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
					timeout: 60_000
				})
				.toBe(true);
			await expect(page.getByTestId('update-available')).toHaveCount(0);
			// "Deploy" a new build: any byte change to service-worker.js is a new version.
			await appendFile(join(dir, 'service-worker.js'), '\n// next build\n');
			await page.evaluate(async () => {
				await (await navigator.serviceWorker.getRegistration())?.update();
			});
			const banner = page.getByTestId('update-available');
			await expect(banner).toBeVisible({ timeout: 60_000 });
			await page.screenshot({ path: `${SCREENS}/field-update-available.png` });
			await Promise.all([
				page.waitForEvent('framenavigated'),
				banner.getByRole('button', { name: 'Reload to update' }).click()
			]);
			await engineReady(page);
			await expect(page.getByTestId('update-available')).toHaveCount(0);
		} finally {
			await new Promise((ok) => server.close(ok));
		}
	});
});

test.describe('exports', () => {
	test.use({ baseURL: SUB });

	test('the review export menu saves tables, a chart and the map', async ({ page }) => {
		await page.goto('./review/?src=demo/open-field-s1/');
		await waitForReview(page);
		await page.getByTestId('export-menu').locator('summary').click();
		const menu = page.getByTestId('export-menu');
		const save = async (click: () => Promise<void>) => {
			const d = page.waitForEvent('download');
			await click();
			const got = await d;
			return { name: got.suggestedFilename(), bytes: await readFile((await got.path())!) };
		};
		const csv = await save(() =>
			menu.getByRole('group', { name: 'detections' }).locator('[data-export="csv"]').click()
		);
		expect(csv.name).toBe('open-field-s1-detections.csv');
		expect(csv.bytes.toString().split('\r\n')[0]).toContain('snr_db');
		const pq = await save(() =>
			menu.getByRole('group', { name: 'track' }).locator('[data-export="parquet"]').click()
		);
		expect(pq.bytes.subarray(0, 4).toString()).toBe('PAR1');
		await menu.getByLabel('Chart to export').selectOption('SNR');
		const svg = await save(() => menu.getByRole('button', { name: 'SVG', exact: true }).click());
		expect(svg.bytes.toString()).toContain('<svg');
		const png = await save(() => menu.getByRole('button', { name: 'PNG', exact: true }).click());
		expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
		const map = await save(() => menu.locator('[data-export="map-png"]').click());
		expect(map.name).toBe('open-field-s1-map.png');
		expect(map.bytes.length).toBeGreaterThan(10_000);
		await page.screenshot({ path: `${SCREENS}/field-export-menu.png` });
	});
});
