import { defineConfig } from '@playwright/test';
import { chromiumPath, chromiumArgs } from './src/node/chromium';

const PORT = Number(process.env.PW_PORT ?? 4391);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 90_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://127.0.0.1:${PORT}/`,
		viewport: { width: 1366, height: 768 },
		// The app follows the system theme; journeys start in the night (dark) theme unless they
		// say otherwise.
		colorScheme: 'dark',
		launchOptions: { executablePath: chromiumPath(), args: chromiumArgs() },
		screenshot: 'only-on-failure',
		trace: 'off'
	},
	webServer: {
		command: `npx tsx src/node/serve.ts --dir build --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
