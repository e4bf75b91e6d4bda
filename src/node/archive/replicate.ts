/**
 * A big archive from a small one: the base archive's missions copied under new ids
 * (`<id>-r<k>`) with their times shifted across a season (so they fall in several monthly
 * partitions), written in batches of about 50 flight hours by the archive's own batch writer:
 * each copy gets its partition, files, content hash and parts; its KPIs, dwell and row counts are
 * its original's manifest row (all unchanged by a shift in time). Simulating 1 000 hours would take about ten hours here;
 * copying gives the engines the same volume of rows to work through.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readSchemaStatements } from '../../lib/db/node';
import { archiveStatements } from './fleet-db';
import { MANIFEST, TABLES, batchId } from './layout';
import { openNative, rowsOf, sqlStr } from './native';
import { batchMeta, type BatchMission } from './manifest';
import { contentHashes, writeBatch } from './write';
import { join } from 'node:path';

/** Days the copies are spread over (about a flying season). */
const SEASON_DAYS = 180;
/** Flight hours per written batch. */
const BATCH_HOURS = 50;

export interface ReplicaPlan {
	mission_id: string;
	new_id: string;
	shift_days: number;
	hours: number;
}

/** Which copies make `hours` of flight from base missions of the given durations. */
export function planReplicas(base: { mission_id: string; hours: number }[], hours: number) {
	const baseHours = base.reduce((h, m) => h + m.hours, 0);
	const rounds = Math.max(1, Math.ceil(hours / baseHours));
	const out: ReplicaPlan[] = [];
	let total = 0;
	for (let k = 0; k < rounds && total < hours; k++)
		for (const m of base) {
			if (total >= hours) break;
			const new_id = k === 0 ? m.mission_id : `${m.mission_id}-r${k}`;
			out.push({ ...m, new_id, shift_days: Math.floor((k * SEASON_DAYS) / rounds) });
			total += m.hours;
		}
	return out;
}

/** Copy the missions of `plan` from the base archive into the work tables of `con`. */
async function copyInto(con: DuckDBConnection, plan: ReplicaPlan[]): Promise<void> {
	await con.run(
		'CREATE OR REPLACE TEMP TABLE copies (mission_id VARCHAR, new_id VARCHAR, shift_days INTEGER)'
	);
	for (const p of plan)
		await con.run('INSERT INTO copies VALUES ($1, $2, $3)', [p.mission_id, p.new_id, p.shift_days]);
	for (const t of TABLES) {
		const cols = await rowsOf<{ column_name: string; column_type: string }>(
			con,
			`DESCRIBE base.${t}`
		);
		const swap = cols.flatMap((c) =>
			c.column_name === 'mission_id'
				? ['c.new_id AS mission_id']
				: c.column_type.startsWith('TIMESTAMP')
					? [`b."${c.column_name}" + to_days(c.shift_days) AS "${c.column_name}"`]
					: []
		);
		await con.run(
			`INSERT INTO main.${t} SELECT b.* REPLACE (${swap.join(', ')}) FROM base.${t} b JOIN copies c USING (mission_id)`
		);
	}
}

/**
 * The copies' manifest rows: their originals' rows (KPIs, dwell and row counts do not change
 * when every time moves by the same amount) with the new id, source, hash, span and parts.
 */
async function copiedRows(con: DuckDBConnection, facts: BatchMission[], manifest: string) {
	await batchMeta(con, facts);
	return `SELECT o.* REPLACE (m.mission_id AS mission_id, m.source AS source,
			m.content_hash AS content_hash, o.started_at + to_days(c.shift_days) AS started_at,
			o.ended_at + to_days(c.shift_days) AS ended_at, m.parts AS parts)
		FROM batch_meta m JOIN copies c ON c.new_id = m.mission_id
		JOIN read_parquet(${sqlStr(manifest)}) o ON o.mission_id = c.mission_id`;
}

/** Write `hours` of copies of the base archive's missions into the archive at `dir`. */
export async function replicateArchive(
	baseDir: string,
	dir: string,
	hours: number,
	log: (line: string) => void = () => {}
): Promise<{ missions: number; hours: number }> {
	const probe = await openNative();
	const base = await rowsOf<{ mission_id: string; hours: number }>(
		probe,
		`SELECT mission_id, duration_s / 3600 AS hours FROM read_parquet(${sqlStr(join(baseDir, MANIFEST))}) ORDER BY started_at, mission_id`
	);
	const { views } = await archiveStatements(probe, baseDir);
	probe.closeSync();
	const plan = planReplicas(base, hours);
	let done = 0;
	for (let i = 0; i < plan.length;) {
		const batch: ReplicaPlan[] = [];
		for (let h = 0; i < plan.length && h < BATCH_HOURS; i++) {
			batch.push(plan[i]!);
			h += plan[i]!.hours;
		}
		const con = await openNative();
		try {
			await con.run('CREATE SCHEMA base');
			await con.run('USE memory.base');
			for (const s of views) await con.run(s);
			await con.run('USE memory.main');
			for (const s of readSchemaStatements()) await con.run(s);
			await copyInto(con, batch);
			const hashes = await contentHashes(con);
			const missions = batch.map((p) => ({
				mission_id: p.new_id,
				source: `copy of ${p.mission_id}, ${p.shift_days} days later`,
				content_hash: hashes.get(p.new_id) ?? ''
			}));
			await writeBatch(con, dir, missions, {
				batch: batchId(),
				manifestSql: (c, facts) => copiedRows(c, facts, join(baseDir, MANIFEST))
			});
		} finally {
			con.closeSync();
		}
		done += batch.reduce((h, p) => h + p.hours, 0);
		log(`${i}/${plan.length} missions, ${done.toFixed(1)} h`);
	}
	return { missions: plan.length, hours: done };
}
