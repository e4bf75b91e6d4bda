import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Import direction (style guide, "Layout" and points 15-17), checked here so it holds without
 * anyone remembering: routes -> components/state -> coordinator -> queries/transforms -> db.
 * Each source file falls in exactly one layer below; a layer lists the layers it must not import.
 */
const duckdb = ['@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/*'];
/** Import specifiers of one folder: by alias and by relative path. */
const folder = (name) => [`$lib/${name}`, `$lib/${name}/*`, `**/${name}`, `**/${name}/*`];
const folders = (...names) => names.flatMap(folder);
const TESTS = ['**/tests/*', '**/tests/**'];
const NODE = ['**/node/*', '**/node/**'];
const SIM = folder('sim');
const ROUTES = ['**/routes/*', '**/routes/**'];
/** Everything in src/lib the pure domain helpers (geo, signal) and the simulator stay away from. */
const APP = folders(
	'db',
	'queries',
	'coordinator',
	'panels',
	'persist',
	'state',
	'components',
	'charts',
	'map',
	'transforms',
	'live',
	'ingest',
	'export',
	'bench'
);

const why = {
	duckdb: 'Only src/lib/db may import @duckdb/duckdb-wasm; use the DB facade.',
	tests: 'Nothing in src imports tests/: move what src needs into src (tests import src).',
	sim: 'The app imports nothing from the simulator ($lib/sim) or the Node tools (src/node); shared helpers live in $lib/geo or $lib/signal.',
	presentational:
		'Presentational code (components, charts, map, transforms) takes props and returns views: it never imports db, queries, the coordinator or state.',
	state: 'State and the coordinator sit below routes and components: they never import them.',
	lower:
		'Queries, the DB facade and the domain modules (live, ingest, export, bench) sit below state and the coordinator: they never import them, nor components or routes.',
	db: 'The DB facade is the bottom layer: it imports no other app layer.',
	routes: 'Routes reach the database through state and the coordinator, never $lib/db directly.',
	pure: 'Shared domain helpers (geo, signal, the simulator) import no app layer: the app imports them, never the other way round.'
};

/** One `no-restricted-imports` block: `rules` pairs groups with the message each breach gets. */
function layer(files, rules, ignores = ['src/**/*.test.ts']) {
	return {
		files,
		ignores,
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: rules.map(([group, message]) => ({ group, message })) }
			]
		}
	};
}
const base = [
	[duckdb, why.duckdb],
	[TESTS, why.tests]
];
const app = [...base, [[...SIM, ...NODE], why.sim]];

const layers = [
	layer(['src/routes/**'], [...app, [folder('db'), why.routes]]),
	layer(['src/lib/state/**'], [...app, [[...folders('components'), ...ROUTES], why.state]]),
	// The coordinator and the pages' panel lists (queries + chart targets) sit under state.
	layer(
		['src/lib/coordinator/**', 'src/lib/panels/**'],
		[...app, [[...folders('state', 'components'), ...ROUTES], why.state]]
	),
	layer(
		['src/lib/components/**', 'src/lib/charts/**', 'src/lib/map/**', 'src/lib/transforms/**'],
		[
			...app,
			[folders('db', 'queries', 'coordinator', 'panels', 'persist', 'state'), why.presentational],
			[ROUTES, why.state]
		]
	),
	layer(
		[
			'src/lib/queries/**',
			'src/lib/live/**',
			'src/lib/ingest/**',
			'src/lib/export/**',
			'src/lib/persist/**',
			'src/lib/*.ts'
		],
		[...app, [[...folders('coordinator', 'state', 'components'), ...ROUTES], why.lower]]
	),
	// The bench page's measuring code may drive the simulator's missions; it stays below state.
	layer(
		['src/lib/bench/**'],
		[
			...base,
			[NODE, why.sim],
			[[...folders('coordinator', 'state', 'components'), ...ROUTES], why.lower]
		]
	),
	layer(
		['src/lib/db/**'],
		[
			[TESTS, why.tests],
			[[...APP.filter((p) => !p.includes('db')), ...SIM, ...NODE, ...ROUTES], why.db]
		]
	),
	layer(['src/lib/geo/**', 'src/lib/signal/**'], [...app, [[...APP, ...ROUTES], why.pure]]),
	// The simulator may import the shared helpers ($lib/geo, $lib/signal) and the contract's types.
	layer(['src/lib/sim/**'], [...base, [[...APP, ...NODE, ...ROUTES], why.pure]]),
	layer(['src/node/**'], base),
	// Tests (in src or tests/) may start the simulator and the Pi stand-in; they still use the facade.
	layer(['src/**/*.test.ts'], base, []),
	layer(['tests/**/*.ts', '*.ts'], [[duckdb, why.duckdb]], [])
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-explicit-any': 'error',
			// Our links carry query strings (`?src=`, `?m=`) appended to resolve('/review/'); the rule
			// cannot see through that concatenation. Links are still built from resolve() everywhere.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	...layers,
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'static/',
			'test-results/',
			'playwright-report/',
			'out/',
			'.bench/',
			'.scratch/'
		]
	}
);
