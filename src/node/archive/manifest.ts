/**
 * The manifest's rows (missions.parquet; contract in docs/archive.md): for the missions of one
 * batch, loaded in the work database's contract tables, the facts the browser's library and
 * fleet view show, from the app's own SQL files (mission_list, mission_kpis, state_dwell) so
 * the archive says what the app would.
 */
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ContractTable } from '../../lib/contract';
import { TABLES } from './layout';
import { rowsOf, sqlStr } from './native';

/** The text of an app query, e.g. 'queries/mission/mission_list'. */
export function appSql(name: string): string {
	return readFileSync(new URL(`../../../sql/${name}.sql`, import.meta.url), 'utf8');
}

/** What the batch writer knows of each new mission. */
export interface BatchMission {
	mission_id: string;
	source: string;
	content_hash: string;
	rows: Record<ContractTable, number>;
	parts: string[];
}

/** The batch's ids, sources, hashes and parts as the temp table `batch_meta`. */
export async function batchMeta(con: DuckDBConnection, missions: BatchMission[]): Promise<void> {
	await con.run(
		'CREATE OR REPLACE TEMP TABLE batch_meta (mission_id VARCHAR, source VARCHAR, content_hash VARCHAR, parts VARCHAR[])'
	);
	for (const m of missions)
		await con.run('INSERT INTO batch_meta VALUES ($1, $2, $3, $4::JSON::VARCHAR[])', [
			m.mission_id,
			m.source,
			m.content_hash,
			JSON.stringify(m.parts)
		]);
}

/** Columns of mission_list a KPI column of the same name must not replace (the app's rule). */
async function columnsOf(con: DuckDBConnection, table: string): Promise<string[]> {
	const cols = await rowsOf<{ column_name: string }>(con, `DESCRIBE ${table}`);
	return cols.map((c) => c.column_name);
}

/**
 * The manifest rows of the batch's missions as a SELECT over temp tables it creates. The
 * library row is the app's `{ ...kpis, ...list }`: list columns win; the list's `source` (the
 * mission's own pi/sim/live/import) is `mission_source`, since `source` is where it came from.
 */
export async function batchManifestSql(
	con: DuckDBConnection,
	missions: BatchMission[]
): Promise<string> {
	await batchMeta(con, missions);
	await con.run(
		`CREATE OR REPLACE TEMP TABLE batch_rows AS SELECT * FROM (VALUES ${missions
			.map((m) => `(${[sqlStr(m.mission_id), ...TABLES.map((t) => m.rows[t])].join(', ')})`)
			.join(', ')}) AS v(mission_id, ${TABLES.map((t) => `rows_${t}`).join(', ')})`
	);
	await con.run(
		`CREATE OR REPLACE TEMP TABLE lib_list AS ${appSql('queries/mission/mission_list')}`
	);
	await con.run(
		`CREATE OR REPLACE TEMP TABLE lib_kpis AS ${appSql('queries/mission-kpi/mission_kpis')}`,
		[null, null, null, null, null]
	);
	await con.run(
		`CREATE OR REPLACE TEMP TABLE lib_dwell AS SELECT mission_id,
			list({'state': state, 'dwell_s': dwell_s::DOUBLE} ORDER BY dwell_s DESC, state) AS dwell
		 FROM (${appSql('queries/mission-kpi/state_dwell')}) GROUP BY mission_id`,
		[null]
	);
	const list = await columnsOf(con, 'lib_list');
	const kpis = (await columnsOf(con, 'lib_kpis')).filter((c) => !list.includes(c));
	const listCols = list
		.filter((c) => !['mission_id', 'started_at'].includes(c))
		.map((c) => (c === 'source' ? 'l.source AS mission_source' : `l."${c}"`));
	return `SELECT b.mission_id, b.source, b.content_hash,
			m.started_at::TIMESTAMPTZ AS started_at, m.ended_at::TIMESTAMPTZ AS ended_at,
			${TABLES.map((t) => `r.rows_${t}::BIGINT AS rows_${t}`).join(', ')},
			${[...listCols, ...kpis.map((c) => `k."${c}"`)].join(', ')},
			COALESCE(d.dwell, []::STRUCT(state VARCHAR, dwell_s DOUBLE)[]) AS dwell,
			b.parts
		FROM batch_meta b
		JOIN mission m USING (mission_id)
		JOIN batch_rows r USING (mission_id)
		LEFT JOIN lib_list l USING (mission_id)
		LEFT JOIN lib_kpis k USING (mission_id)
		LEFT JOIN lib_dwell d USING (mission_id)`;
}
