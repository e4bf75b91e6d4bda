/**
 * PMTiles basemaps (issue 5): none by default; a dropped/chosen raster archive draws under the
 * track and comes back after a reload (kept in the origin-private file system); a vector archive
 * named by URL (another local server, range requests) draws with the generic style; a broken file
 * is refused by name and the basemap already shown stays. The archives are real PMTiles v3 files
 * written by src/node/pmtiles-writer.ts; the fixture still fails any request to an origin the
 * test did not name.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Page } from '@playwright/test';
import { serveStatic } from '../../src/node/serve';
import { rasterArchive, vectorArchive, type Bounds } from '../../src/node/pmtiles-writer';
import { expect, test, waitForReview } from './fixtures';

// Around the simulator's site (SITE in src/lib/geo), wider than any demo mission.
const AREA: Bounds = [149.1, -35.42, 149.23, -35.3];

/** Share of the map canvas's pixels that match a predicate on [r, g, b]. */
async function canvasShare(page: Page, kind: 'magenta' | 'water'): Promise<number> {
	return page.getByTestId('mission-map').evaluate((el, kind) => {
		const src = el.querySelector('canvas') as HTMLCanvasElement;
		const c = document.createElement('canvas');
		c.width = 200;
		c.height = 150;
		const g = c.getContext('2d')!;
		g.drawImage(src, 0, 0, c.width, c.height);
		const d = g.getImageData(0, 0, c.width, c.height).data;
		let hit = 0;
		for (let i = 0; i < d.length; i += 4) {
			const [r, gr, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
			// Magenta checker (dimmed on the dark theme); the dark palette's water (#0b3a53).
			const ok =
				kind === 'magenta'
					? r > 90 && b > 90 && gr < 40
					: Math.abs(r - 11) < 12 && Math.abs(gr - 55) < 14 && Math.abs(b - 79) < 14;
			if (ok) hit++;
		}
		return hit / (d.length / 4);
	}, kind);
}

let server: Server | null = null;
test.afterAll(() => server?.close());

test('a raster .pmtiles draws under the track, survives a reload, and can be removed', async ({
	page
}) => {
	await page.goto('./review/?src=demo/open-field-s1/');
	await waitForReview(page);
	// No basemap by default: nothing of the archive's colour on the map.
	expect(await canvasShare(page, 'magenta')).toBe(0);
	await page.getByTestId('basemap-toggle').click();
	await expect(page.getByTestId('basemap-status')).toHaveAttribute('data-kind', 'none');
	await page.getByTestId('basemap-file').setInputFiles({
		name: 'field-area.pmtiles',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from(rasterArchive(AREA))
	});
	await expect(page.getByTestId('basemap-status')).toHaveAttribute('data-kind', 'raster');
	await expect(page.getByTestId('basemap-status')).toContainText('field-area.pmtiles');
	await expect.poll(() => canvasShare(page, 'magenta'), { timeout: 20_000 }).toBeGreaterThan(0.3);
	await page.screenshot({ path: 'test-results/basemap-raster.png' });

	// A broken archive is refused by name; the raster basemap stays.
	await page.getByTestId('basemap-file').setInputFiles({
		name: 'broken.pmtiles',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from('this is not a pmtiles archive at all, just some text')
	});
	await expect(page.getByTestId('basemap-error')).toContainText('broken.pmtiles');
	await expect(page.getByTestId('basemap-error')).toContainText('not a PMTiles archive');
	await expect(page.getByTestId('basemap-status')).toContainText('field-area.pmtiles');

	// Remembered: after a reload the same basemap comes back without the file.
	await page.reload();
	await waitForReview(page);
	await expect.poll(() => canvasShare(page, 'magenta'), { timeout: 20_000 }).toBeGreaterThan(0.3);
	await page.getByTestId('basemap-toggle').click();
	await expect(page.getByTestId('basemap-status')).toContainText('field-area.pmtiles');

	await page.getByTestId('basemap-clear').click();
	await expect(page.getByTestId('basemap-status')).toHaveAttribute('data-kind', 'none');
	await expect.poll(() => canvasShare(page, 'magenta')).toBe(0);
	await page.reload();
	await waitForReview(page);
	await page.getByTestId('basemap-toggle').click();
	await expect(page.getByTestId('basemap-status')).toHaveAttribute('data-kind', 'none');
});

test('a vector .pmtiles named by URL is read with range requests and styled', async ({
	page,
	watch
}) => {
	const dir = await mkdtemp(join(tmpdir(), 'pisad-tiles-'));
	await writeFile(join(dir, 'area.pmtiles'), vectorArchive(AREA));
	server = await serveStatic(dir, 0);
	const addr = server.address();
	const origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
	watch.allowOrigin(origin);
	const ranges: string[] = [];
	page.on('request', (r) => {
		if (r.url().startsWith(origin)) ranges.push(r.headers()['range'] ?? 'none');
	});

	await page.goto('./review/?src=demo/open-field-s1/');
	await waitForReview(page);
	await page.getByTestId('basemap-toggle').click();
	await page.getByTestId('basemap-url').fill(`${origin}/area.pmtiles`);
	await page.getByRole('button', { name: 'Use URL' }).click();
	await expect(page.getByTestId('basemap-status')).toHaveAttribute('data-kind', 'vector');
	await expect(page.getByTestId('basemap-status')).toContainText('2 layers');
	await expect.poll(() => canvasShare(page, 'water'), { timeout: 20_000 }).toBeGreaterThan(0.3);
	// Every read was a byte range, never the whole file.
	expect(ranges.length).toBeGreaterThan(1);
	expect(ranges.every((r) => /^bytes=\d+-\d+$/.test(r))).toBe(true);
	await page.screenshot({ path: 'test-results/basemap-vector.png' });

	// A URL that answers 404 is an error naming it; the vector basemap stays.
	await page.getByTestId('basemap-url').fill(`${origin}/missing.pmtiles`);
	await page.getByRole('button', { name: 'Use URL' }).click();
	await expect(page.getByTestId('basemap-error')).toContainText('missing.pmtiles');
	await expect(page.getByTestId('basemap-status')).toHaveAttribute('data-kind', 'vector');
	watch.allow('404');
	watch.allow('Failed to load resource');
	await page.getByTestId('basemap-clear').click();
});
