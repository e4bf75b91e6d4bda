/**
 * A fleet archive opened by URL (issue 17 item 3), as a crew would: the archive is built with
 * `npm run archive -- add` from the demo missions and served by a plain static server on another
 * port; the home page opened with `?archive=` lists every mission and draws the fleet view from
 * the manifest alone; a mission opens in review with its rows read from the archive by ranges,
 * and its review reopens after a reload.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../src/node/serve';
import { expect, test, waitForReview } from './fixtures';

const DEMOS = ['open-field-s1', 'urban-s2', 'interference-s3', 'no-beacon-s4'];
let root = '';
let server: Awaited<ReturnType<typeof serveStatic>> | null = null;

test.beforeAll(async () => {
	const dir = join(mkdtempSync(join(tmpdir(), 'pisad-e2e-arc-')), 'fleet');
	execFileSync(
		'npx',
		['tsx', 'src/node/archive.ts', 'add', ...DEMOS.map((d) => `static/demo/${d}`), '--to', dir],
		{ stdio: 'pipe' }
	);
	server = await serveStatic(dir, 0);
	root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
test.afterAll(() => void server?.close());

test('a fleet archive opens by URL: listed from its manifest, a mission read by ranges', async ({
	page,
	watch
}) => {
	test.setTimeout(120_000);
	watch.allowOrigin(root);
	await page.goto(`./?archive=${encodeURIComponent(root)}`);
	await expect(page.getByTestId('archive-bar')).toHaveAttribute('data-missions', '4');
	const rows = page.getByTestId('mission-table').locator('tbody tr');
	await expect(rows).toHaveCount(4);
	await expect(page.getByTestId('fleet-count')).toHaveAttribute('data-value', '4');
	await page.screenshot({ path: 'test-results/screens/archive-library.png', fullPage: true });

	await rows.getByRole('link', { name: /Urban/ }).click();
	await waitForReview(page);
	await expect(page).toHaveURL(/archive=/);
	await expect(page.locator('[data-kpi="rssi_samples"]')).not.toContainText('—');
	const samples = await page.locator('[data-kpi="rssi_samples"]').getAttribute('data-value');
	expect(Number(samples)).toBeGreaterThan(1000);

	// The review's URL names the archive: it reopens after a reload.
	await page.reload();
	await waitForReview(page);
	await expect(page.locator('[data-kpi="rssi_samples"]')).toHaveAttribute(
		'data-value',
		samples ?? ''
	);
});
