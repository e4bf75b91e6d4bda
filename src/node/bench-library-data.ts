/**
 * The bench's libraries: a few hours of simulated missions generated once (.bench/lib-base), and
 * libraries of any size made of them and of copies written by native DuckDB (.bench/lib-<N>h).
 */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CONTRACT_TABLES } from '../lib/contract';

const BASE = '.bench/lib-base';

/** A few hours of varied simulated missions (Parquet only), generated once. */
function baseLibrary(): string {
	if (!existsSync(BASE) || readdirSync(BASE).length === 0) {
		console.log(`[bench-library] generating the base missions into ${BASE} (once)…`);
		execFileSync(
			'npx',
			['tsx', 'src/node/generate.ts', '--hours', '8', '--out', BASE, '--no-duckdb'],
			{ stdio: 'inherit' }
		);
	}
	// A library folder holds contract Parquet only (a capture would import as another mission).
	for (const m of readdirSync(BASE))
		for (const f of readdirSync(join(BASE, m)))
			if (!f.endsWith('.parquet')) rmSync(join(BASE, m, f), { force: true });
	return BASE;
}

/**
 * The library folder for `hours`: the base missions, then copies of them as other missions
 * (`<id>-r<k>`, a week later each round) written by native DuckDB (zstd, the contract's key-value
 * metadata) until the library holds `hours` of flight. Simulating 100 hours takes over an hour
 * on a busy 2-core machine; copying takes seconds and gives the engine the same work.
 */
export async function libraryDir(hours: number): Promise<string> {
	const dir = `.bench/lib-${hours}h`;
	if (existsSync(join(dir, 'complete'))) return dir;
	const base = baseLibrary();
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	const missions = readdirSync(base).sort();
	let total = 0;
	for (let k = 0; total < hours * 3600; k++)
		for (const m of missions) {
			if (total >= hours * 3600) break;
			const id = k === 0 ? m : `${m}-r${k}`;
			mkdirSync(join(dir, id), { recursive: true });
			for (const f of readdirSync(join(base, m))) {
				const src = join(base, m, f);
				const cols = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${src}')`);
				const swap = cols
					.getRowObjects()
					.map((c) => [String(c.column_name), String(c.column_type)] as const)
					.flatMap(([name, type]) =>
						name === 'mission_id'
							? [`'${id}' AS mission_id`]
							: type.startsWith('TIMESTAMP')
								? [`"${name}" + INTERVAL ${7 * k} DAY AS "${name}"`]
								: []
					);
				const select = swap.length ? `* REPLACE (${swap.join(', ')})` : '*';
				await con.run(
					`COPY (SELECT ${select} FROM read_parquet('${src}')) TO '${join(dir, id, f)}'
					 (FORMAT parquet, COMPRESSION zstd, KV_METADATA { 'pisad.contract_version': '1' })`
				);
			}
			const n = await con.runAndReadAll(
				`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(base, m, 'rssi_sample.parquet')}')`
			);
			total += Number(n.getRowObjects()[0]?.n ?? 0) / 10;
		}
	con.closeSync();
	writeFileSync(join(dir, 'complete'), `${(total / 3600).toFixed(2)} h\n`);
	return dir;
}

export function folderSize(dir: string): { missions: number; bytes: number } {
	let bytes = 0;
	const missions = readdirSync(dir).filter((m) => statSync(join(dir, m)).isDirectory());
	for (const m of missions)
		for (const f of readdirSync(join(dir, m))) bytes += statSync(join(dir, m, f)).size;
	return { missions: missions.length, bytes };
}

/** Native DuckDB (the engine version the app ships) loading every contract table into memory. */
export async function nativeLoad(dir: string): Promise<number> {
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	const t0 = performance.now();
	const missions = readdirSync(dir);
	for (const t of CONTRACT_TABLES) {
		if (!missions.some((m) => existsSync(join(dir, m, `${t}.parquet`)))) continue;
		const glob = join(dir, '*', `${t}.parquet`);
		await con.run(
			`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${glob}', union_by_name = true)`
		);
	}
	const ms = performance.now() - t0;
	con.closeSync();
	return ms;
}

/** Resident memory of the biggest renderer process of this browser (MB), from /proc. */
export function rendererMb(): number | null {
	let best: number | null = null;
	for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (!cmd.includes('--type=renderer') || !cmd.includes('pisad-bench-library')) continue;
			const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			const mb = rss ? Number(rss[1]) / 1024 : 0;
			best = Math.max(best ?? 0, mb);
		} catch {
			// the process ended while it was read
		}
	}
	return best;
}
