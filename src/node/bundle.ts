/**
 * Packs the built app with chosen missions into one folder (and a zip) a field team opens with
 * one command, no internet and no npm:
 *
 *   npm run build && npm run bundle -- --missions out/lib --out out/field [--keep-demos] [--no-zip]
 *
 * Layout of the result: `site/` (the static app; the missions under site/demo/ and listed in
 * site/demo/index.json, so the home page lists them), `serve.mjs` (a zero-dependency Node static
 * server: `node serve.mjs`), `serve.sh`/`serve.cmd`, `README.txt`, and `<out>.zip` beside the folder.
 * `--missions` is one mission folder or a folder of mission folders (contract Parquet files, or a
 * .duckdb file); it may be given several times.
 */
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { README, SERVE_MJS, serverModule, zipFolder } from './bundle-files';

export interface BundledMission {
	id: string;
	name: string;
	scenario: string;
	description: string;
	path: string;
	files: string[];
	bytes: number;
	duration_s: number;
}

/** A folder is a mission when it holds mission.parquet or a .duckdb file. */
async function missionFiles(dir: string): Promise<{ parquet: string[]; duckdb: string | null }> {
	const names = await readdir(dir).catch(() => [] as string[]);
	const parquet = names.filter((n) => n.endsWith('.parquet')).sort();
	const duckdb = names.find((n) => n.endsWith('.duckdb')) ?? null;
	return { parquet: parquet.includes('mission.parquet') ? parquet : [], duckdb };
}

/** Every mission folder under the given roots (a root may itself be a mission). */
export async function findMissions(roots: readonly string[]): Promise<string[]> {
	const out: string[] = [];
	for (const root of roots) {
		const own = await missionFiles(root);
		if (own.parquet.length || own.duckdb) {
			out.push(root);
			continue;
		}
		for (const n of (await readdir(root)).sort()) {
			const p = join(root, n);
			if (!(await stat(p)).isDirectory()) continue;
			const f = await missionFiles(p);
			if (f.parquet.length || f.duckdb) out.push(p);
		}
	}
	if (!out.length)
		throw new Error(
			`No mission folders in ${roots.join(', ')}: a mission folder holds mission.parquet (and the other contract Parquet files) or a .duckdb file.`
		);
	return out;
}

const ms = (v: unknown): number | null =>
	v instanceof Date
		? v.getTime()
		: typeof v === 'bigint'
			? Number(v) / 1000
			: typeof v === 'number'
				? v
				: null;

/** Copy one mission into `siteDemo/<id>/` and describe it for the home page. */
async function addMission(src: string, siteDemo: string): Promise<BundledMission> {
	const { parquet, duckdb } = await missionFiles(src);
	let id = basename(resolve(src));
	let name = id;
	let scenario = '';
	let duration_s = 0;
	if (parquet.length) {
		const buf = await readFile(join(src, 'mission.parquet'));
		const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
		const [row] = (await parquetReadObjects({ file, compressors })) as Record<string, unknown>[];
		if (row) {
			id = String(row.mission_id ?? id);
			name = String(row.name ?? id);
			scenario = String(row.scenario ?? row.source ?? '');
			const a = ms(row.started_at);
			const b = ms(row.ended_at);
			if (a !== null && b !== null) duration_s = (b - a) / 1000;
		}
	}
	const safe = id.replace(/[^\w.-]+/g, '-');
	const dest = join(siteDemo, safe);
	await mkdir(dest, { recursive: true });
	const files = parquet.length ? parquet : [duckdb as string];
	let bytes = 0;
	for (const f of files) {
		await cp(join(src, f), join(dest, f));
		bytes += (await stat(join(dest, f))).size;
	}
	await writeFile(join(dest, 'index.json'), JSON.stringify({ files }, null, 1));
	return {
		id: safe,
		name,
		scenario,
		description: `${parquet.length ? `${parquet.length} Parquet files` : 'DuckDB file'} from ${basename(resolve(src))}`,
		path: parquet.length ? `demo/${safe}/` : `demo/${safe}/${files[0]}`,
		files,
		bytes,
		duration_s
	};
}

/** Build the bundle folder; returns its path and the missions it holds. */
export async function bundle(opts: {
	build: string;
	missions: readonly string[];
	out: string;
	keepDemos?: boolean;
	zip?: boolean;
}): Promise<{ out: string; zip: string | null; missions: BundledMission[] }> {
	const buildDir = resolve(opts.build);
	if (!(await stat(join(buildDir, 'index.html')).catch(() => null)))
		throw new Error(`No app build in ${buildDir}: run \`npm run build\` first.`);
	const out = resolve(opts.out);
	await rm(out, { recursive: true, force: true });
	const site = join(out, 'site');
	await cp(buildDir, site, { recursive: true });
	const siteDemo = join(site, 'demo');
	const kept: BundledMission[] = [];
	if (opts.keepDemos) {
		const idx = await readFile(join(siteDemo, 'index.json'), 'utf8').catch(() => null);
		if (idx) kept.push(...(JSON.parse(idx) as { missions: BundledMission[] }).missions);
	} else await rm(siteDemo, { recursive: true, force: true });
	const added: BundledMission[] = [];
	for (const m of await findMissions(opts.missions)) added.push(await addMission(m, siteDemo));
	const missions = [...added, ...kept.filter((k) => !added.some((a) => a.id === k.id))];
	await writeFile(
		join(siteDemo, 'index.json'),
		JSON.stringify({ version: `bundle-${Date.now()}`, missions }, null, 1)
	);
	await writeFile(join(out, 'serve-lib.mjs'), await serverModule());
	await writeFile(join(out, 'serve.mjs'), SERVE_MJS);
	await writeFile(
		join(out, 'serve.sh'),
		'#!/bin/sh\ncd "$(dirname "$0")" && exec node serve.mjs "$@"\n',
		{
			mode: 0o755
		}
	);
	await writeFile(join(out, 'serve.cmd'), '@echo off\r\ncd /d "%~dp0"\r\nnode serve.mjs %*\r\n');
	await writeFile(join(out, 'README.txt'), README(missions));
	let zip: string | null = null;
	if (opts.zip !== false) {
		zip = `${out}.zip`;
		await writeFile(zip, await zipFolder(out));
	}
	return { out, zip, missions };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
	const { values } = parseArgs({
		options: {
			missions: { type: 'string', multiple: true },
			out: { type: 'string', default: 'out/field' },
			build: { type: 'string', default: 'build' },
			'keep-demos': { type: 'boolean', default: false },
			'no-zip': { type: 'boolean', default: false }
		}
	});
	if (!values.missions?.length) {
		console.error('Usage: npm run bundle -- --missions DIR [--missions DIR ...] --out DIR');
		process.exit(2);
	}
	const r = await bundle({
		build: values.build,
		missions: values.missions,
		out: values.out,
		keepDemos: values['keep-demos'],
		zip: !values['no-zip']
	});
	console.log(`Field build: ${r.out} (${r.missions.length} missions)${r.zip ? `, ${r.zip}` : ''}`);
	console.log(`Open it: cd ${relative(process.cwd(), r.out) || '.'} && node serve.mjs`);
}
