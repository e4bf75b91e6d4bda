/**
 * `npm run fleet -- <dir> [query] [--mission ID] [--format table|csv|parquet|json] [--out FILE]`:
 * the app's own SQL (the browser's query wrappers and sql/ files) on native DuckDB over a fleet
 * archive (docs/archive.md). Without a query, lists the questions it knows.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { archiveStatements, nativeDb, openArchive } from './archive/fleet-db';
import type { FleetQuery } from './archive/fleet-queries';
import { openNative, sqlStr } from './archive/native';
import { viteImport } from './archive/vite-load';

const USAGE = `Usage: npm run fleet -- <archive dir> [query] [--mission ID] [--format table|csv|parquet|json] [--out FILE]
       npm run fleet -- <archive dir> --views > open.sql   (then: duckdb -init open.sql)`;

/** Rows as an aligned text table. */
function textTable(rows: Record<string, unknown>[]): string {
	const cols = Object.keys(rows[0] ?? {});
	const cell = (v: unknown): string =>
		v === null || v === undefined
			? ''
			: typeof v === 'number'
				? String(Number.isInteger(v) ? v : Number(v.toFixed(3)))
				: typeof v === 'object'
					? JSON.stringify(v)
					: String(v);
	const cells = rows.map((r) => cols.map((c) => cell(r[c])));
	const w = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
	const line = (r: string[]): string =>
		r
			.map((v, i) => v.padEnd(w[i] ?? 0))
			.join('  ')
			.trimEnd();
	return [line(cols), line(w.map((n) => '-'.repeat(n))), ...cells.map(line)].join('\n');
}

async function main(): Promise<number> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			mission: { type: 'string' },
			format: { type: 'string', default: 'table' },
			out: { type: 'string' },
			views: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		}
	});
	const [dir, name] = positionals;
	if (values.help || !dir) return (console.log(USAGE), values.help ? 0 : 1);
	if (values.views) {
		// The statements that open the archive in any DuckDB (the CLI, Python…): views, app schema.
		const con = await openNative();
		const { views, schema } = await archiveStatements(con, resolve(dir));
		con.closeSync();
		console.log(["SET TimeZone = 'UTC'", ...views, ...schema].join(';\n\n') + ';');
		return 0;
	}
	const { mod, close } = await viteImport<typeof import('./archive/fleet-queries')>(
		'/src/node/archive/fleet-queries.ts'
	);
	await close();
	const queries: Record<string, FleetQuery> = mod.FLEET_QUERIES;
	if (!name) {
		console.log(`${USAGE}\n\nQueries (the app's SQL under sql/queries/):`);
		for (const [n, q] of Object.entries(queries))
			console.log(
				`  ${n.padEnd(24)} sql/queries/${q.file}.sql${q.scope === 'one' ? '  (needs --mission)' : ''}`
			);
		return 0;
	}
	const q = queries[name];
	if (!q) return (console.error(`no query ${name}; run without one to list them`), 1);
	if (q.scope === 'one' && !values.mission) return (console.error(`${name} needs --mission ID`), 1);
	const format = values.format;
	if (!['table', 'csv', 'parquet', 'json'].includes(format))
		return (console.error(`unknown format ${format}\n${USAGE}`), 1);
	if (format === 'parquet' && !values.out)
		return (console.error('--format parquet needs --out FILE'), 1);
	const con = await openArchive(dir);
	try {
		const t0 = performance.now();
		const rows = (await q.run(nativeDb(con, true), values.mission ?? null)) as Record<
			string,
			unknown
		>[];
		const took = ((performance.now() - t0) / 1000).toFixed(2);
		if (format === 'csv' || format === 'parquet')
			await con.run(
				`COPY fleet_result TO ${sqlStr(values.out ?? '/dev/stdout')} (FORMAT ${format === 'csv' ? 'csv, HEADER' : 'parquet, COMPRESSION zstd'})`
			);
		else {
			const text = format === 'json' ? JSON.stringify(rows, null, 1) : textTable(rows);
			if (values.out) writeFileSync(values.out, `${text}\n`);
			else console.log(text);
		}
		console.error(
			`${name}: ${rows.length} rows in ${took} s${values.out ? ` → ${values.out}` : ''}`
		);
	} finally {
		con.closeSync();
	}
	return 0;
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	}
);
