import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Layers that render or shape data must stay pure: no database, queries or app state. */
const presentational = [
	'src/lib/components/**',
	'src/lib/charts/**',
	'src/lib/map/**',
	'src/lib/transforms/**'
];
const impureLayers = [
	'$lib/db',
	'$lib/db/*',
	'$lib/queries',
	'$lib/queries/*',
	'$lib/state',
	'$lib/state/*'
];
const impureRelative = ['**/db/*', '**/queries/*', '**/state/*'];

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
	{
		// Only the DB facade talks to DuckDB-WASM.
		files: ['src/**/*.ts', 'src/**/*.svelte', 'tests/**/*.ts'],
		ignores: ['src/lib/db/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/*'],
							message: 'Only src/lib/db may import @duckdb/duckdb-wasm; use the DB facade.'
						}
					]
				}
			]
		}
	},
	{
		files: presentational,
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'@duckdb/duckdb-wasm',
								'@duckdb/duckdb-wasm/*',
								...impureLayers,
								...impureRelative
							],
							message:
								'Presentational code (components, charts, map, transforms) takes props and returns views: it never imports db, queries or state.'
						}
					]
				}
			]
		}
	},
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
