/**
 * Screenshot helper for looking at the app as a person would: `npx tsx tests/support/shoot.ts
 * <path-after-base> <out.png> [width] [height] [--full]` against a running `npm run serve`.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../src/node/chromium';

const [path = '', out = 'shot.png', w = '1920', h = '1080'] = process.argv.slice(2);
const base = process.env.BASE ?? 'http://127.0.0.1:4173/';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(base + path);
await page
	.locator('[data-ready="true"]')
	.waitFor({ timeout: 90_000 })
	.catch(() => console.error('not ready'));
await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
await browser.close();
