/**
 * "Save flight" as contract Parquet: every contract table's rows of one mission written as
 * `<mission>/<table>.parquet` (with `pisad.contract_version` key-value metadata) and zipped into
 * one file, which the library opens like a dropped mission folder. Pure JS (hyparquet-writer,
 * fflate): the npm DuckDB-WASM has no Parquet extension to COPY with.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { zipSync } from 'fflate';
import { CONTRACT_TABLES, CONTRACT_VERSION, CONTRACT_VERSION_KEY } from '$lib/contract';
import type { Db } from '$lib/db/types';

interface Column {
	name: string;
	type: string;
}

type Element = {
	name: string;
	type: 'BOOLEAN' | 'INT32' | 'INT64' | 'DOUBLE' | 'BYTE_ARRAY';
	converted_type?: 'UTF8' | 'TIMESTAMP_MICROS';
	repetition_type: 'OPTIONAL';
};

/** Parquet schema element for a DuckDB column type (the contract uses only these). */
function element(c: Column): Element {
	const t = c.type.toUpperCase();
	if (t.startsWith('TIMESTAMP'))
		return {
			name: c.name,
			type: 'INT64',
			converted_type: 'TIMESTAMP_MICROS',
			repetition_type: 'OPTIONAL'
		};
	if (t === 'BIGINT') return { name: c.name, type: 'INT64', repetition_type: 'OPTIONAL' };
	if (t === 'INTEGER' || t === 'SMALLINT' || t === 'TINYINT')
		return { name: c.name, type: 'INT32', repetition_type: 'OPTIONAL' };
	if (t === 'BOOLEAN') return { name: c.name, type: 'BOOLEAN', repetition_type: 'OPTIONAL' };
	if (t === 'DOUBLE' || t === 'FLOAT' || t === 'REAL')
		return { name: c.name, type: 'DOUBLE', repetition_type: 'OPTIONAL' };
	return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
}

function values(rows: Record<string, unknown>[], e: Element): unknown[] {
	return rows.map((r) => {
		const v = r[e.name];
		if (v === null || v === undefined) return null;
		if (e.type === 'INT64' && !e.converted_type) return BigInt(Math.round(Number(v)));
		if (e.converted_type === 'TIMESTAMP_MICROS') return Math.round(Number(v));
		return v;
	});
}

/** One table of one mission as Parquet bytes (timestamps exact to the microsecond). */
export async function tableParquet(db: Db, table: string, missionId: string): Promise<Uint8Array> {
	const cols = await db.query<Column>(
		`SELECT column_name AS name, data_type AS type FROM information_schema.columns
		 WHERE table_schema = 'main' AND table_name = $1 ORDER BY ordinal_position`,
		[table]
	);
	// Identifiers come from information_schema (an allow-list); timestamps leave as exact µs.
	const select = cols
		.map((c) =>
			c.type.startsWith('TIMESTAMP') ? `epoch_us("${c.name}") AS "${c.name}"` : `"${c.name}"`
		)
		.join(', ');
	const rows = await db.query<Record<string, unknown>>(
		`SELECT ${select} FROM main."${table}" WHERE mission_id = $1`,
		[missionId]
	);
	const schema = cols.map(element);
	const buf = parquetWriteBuffer({
		columnData: schema.map((e) => ({ name: e.name, data: values(rows, e) as never })),
		schema: [{ name: 'root', num_children: schema.length }, ...schema] as never,
		kvMetadata: [{ key: CONTRACT_VERSION_KEY, value: CONTRACT_VERSION }]
	});
	return new Uint8Array(buf);
}

/** The whole mission as a zip of contract Parquet files, in a folder named after the mission. */
export async function saveFlightZip(db: Db, missionId: string): Promise<Uint8Array> {
	const folder = missionId.replace(/[^\w.-]+/g, '_');
	const files: Record<string, Uint8Array> = {};
	for (const table of CONTRACT_TABLES)
		files[`${folder}/${table}.parquet`] = await tableParquet(db, table, missionId);
	// Parquet pages are already compressed: store them (level 0) rather than deflate again.
	return zipSync(files, { level: 0 });
}
