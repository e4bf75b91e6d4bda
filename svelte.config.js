import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A fully static site: every page is prerendered as a shell and runs client-side,
		// so the build folder can be copied to any static host, sub-path or USB stick.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { relative: true },
		alias: { $sql: 'sql' },
		// A strict Content-Security-Policy in each page as a <meta> tag (static hosts cannot be relied
		// on to send headers). SvelteKit hashes its own inline boot script ('hash' mode), so no other
		// inline script can run: text from a data file can never become code.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// DuckDB and sql.js compile WebAssembly; nothing else needs eval.
				'script-src': ['self', 'wasm-unsafe-eval'],
				// DuckDB's workers are same-origin files; MapLibre may wrap its worker in a blob: URL.
				'worker-src': ['self', 'blob:'],
				// A Pi (or any mission server) lives at an address the user types: http(s) and ws(s) to any
				// host are allowed for fetch/WebSocket only; blob:/data: for files made in the page.
				'connect-src': ['self', 'http:', 'https:', 'ws:', 'wss:', 'blob:', 'data:'],
				// Chart/map PNG export draws SVG through an <img> from a blob: URL.
				'img-src': ['self', 'data:', 'blob:'],
				// Svelte style: directives, Observable Plot's <style> per figure and MapLibre's
				// positioning write inline styles; styles cannot run code.
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
