/**
 * Finds a system Chromium for Playwright (`npx playwright install` cannot download here) and the
 * flags that give headless Chromium WebGL (software GL) for MapLibre without network chatter.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
];

/** Path of a Chromium executable, or a thrown error saying how to get one. */
export function chromiumPath(): string {
	for (const c of CANDIDATES) if (c && existsSync(c)) return c;
	throw new Error(
		'No Chromium found for the browser tests. Install one (Debian/Ubuntu: ' +
			'`sudo apt-get update && sudo apt-get install -y chromium`) or set CHROMIUM_PATH ' +
			'to a Chrome/Chromium executable.'
	);
}

/** Launch flags: software WebGL for MapLibre, no background network, root-safe. */
export function chromiumArgs(): string[] {
	const args = [
		'--use-angle=swiftshader',
		'--enable-unsafe-swiftshader',
		'--ignore-gpu-blocklist',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-quic',
		'--no-first-run',
		'--no-default-browser-check'
	];
	if (process.getuid?.() === 0) args.push('--no-sandbox');
	return args;
}
