import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * apache-arrow compiles its builders' null check with `new Function` (builder/valid.mjs), which
 * the page's Content-Security-Policy (no 'unsafe-eval') forbids. Serve an equivalent without eval:
 * the same strict-equality test through a Set (NaN handled apart, as in the original).
 */
function arrowWithoutEval(): Plugin {
	return {
		name: 'pisad:arrow-without-eval',
		enforce: 'pre',
		load(id) {
			if (!/apache-arrow[\\/]builder[\\/]valid\.mjs$/.test(id.split('?')[0] ?? '')) return null;
			return `export function createIsValidFunction(nullValues) {
	if (!nullValues || nullValues.length <= 0) return function isValid() { return true; };
	const nan = nullValues.some((x) => x !== x);
	const set = new Set(nullValues.filter((x) => x === x));
	return function isValid(x) { return !(set.has(x) || (nan && x !== x)); };
}`;
		}
	};
}

export default defineConfig({
	plugins: [arrowWithoutEval(), sveltekit()],
	server: { fs: { allow: ['sql'] } },
	// DuckDB-WASM ships its own workers; let Vite copy them as assets instead of pre-bundling.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	worker: { format: 'es' },
	build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
	test: {
		include: ['src/**/*.test.ts', 'tests/sql/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/setup/parquet-wasm.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		pool: 'forks'
	}
});
