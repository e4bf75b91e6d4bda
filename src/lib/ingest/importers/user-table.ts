/**
 * Any other Parquet or CSV: opened as a plain table `user_<name>` to query in SQL, with a note
 * saying which contract columns it lacks and so which panels cannot show it.
 */
import { parquetMetadata } from 'hyparquet';
import type { Db } from '$lib/db/types';
import type { NamedBytes } from '../files';
import { IngestError } from '../notes';
import { unstageExpr, type ContractColumn } from '../parquet';
import { decodeParquet } from '../parquet-offthread';
import { baseName, safeName } from './naming';

/** What each panel needs: the contract columns without which it cannot show a table. */
export const PANEL_NEEDS: { panel: string; columns: string[] }[] = [
	{ panel: 'signal (RSSI, noise floor, detections)', columns: ['mission_id', 't', 'rssi_dbm'] },
	{ panel: 'map (flight track)', columns: ['mission_id', 't', 'lat_deg', 'lon_deg'] },
	{ panel: 'state timeline', columns: ['mission_id', 't', 'to_state'] }
];

let counter = 0;

/** Open `file` as table user_<name>; returns the table name and a note. */
export async function openUserTable(
	db: Db,
	file: NamedBytes,
	kind: 'parquet' | 'csv'
): Promise<{ table: string; message: string }> {
	const table = await freeName(db, `user_${safeName(baseName(file.name))}`);
	try {
		if (kind === 'parquet') await parquetTable(db, table, file.bytes);
		else {
			const reg = `ingest_user_${++counter}.csv`;
			await db.registerFile(reg, file.bytes);
			try {
				await db.exec(`CREATE TABLE "${table}" AS SELECT * FROM read_csv('${reg}', comment = '#')`);
			} finally {
				await db.dropFile(reg);
			}
		}
	} catch (e) {
		throw IngestError.from(e, file.name);
	}
	const cols = (
		await db.query<{ column_name: string }>(
			`SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = 'main'`,
			[table]
		)
	).map((c) => c.column_name);
	const [count] = await db.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM "${table}"`);
	const have = new Set(cols);
	const missing = [...new Set(PANEL_NEEDS.flatMap((p) => p.columns))].filter((c) => !have.has(c));
	const blind = PANEL_NEEDS.filter((p) => p.columns.some((c) => !have.has(c))).map((p) => p.panel);
	const message =
		`not a PISAD mission file: opened as table ${table} (${count?.n ?? 0} rows) to query in SQL` +
		(missing.length
			? `; missing contract columns ${missing.join(', ')}, so these panels cannot show it: ${blind.join('; ')}`
			: '');
	return { table, message };
}

async function freeName(db: Db, base: string): Promise<string> {
	const taken = new Set(
		(
			await db.query<{ table_name: string }>(
				`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'user\\_%' ESCAPE '\\'`
			)
		).map((r) => r.table_name)
	);
	let name = base;
	for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
	return name;
}

/** Decode every top-level column with its nearest staging type and create the table. */
async function parquetTable(db: Db, table: string, bytes: Uint8Array): Promise<void> {
	const buf = bytes.buffer.slice(
		bytes.byteOffset,
		bytes.byteOffset + bytes.byteLength
	) as ArrayBuffer;
	const meta = parquetMetadata(buf);
	const root = meta.schema[0];
	const cols: ContractColumn[] = meta.schema.slice(1, 1 + (root?.num_children ?? 0)).map((s) => {
		const logical = s.logical_type?.type ?? s.converted_type ?? '';
		const type = /TIMESTAMP/i.test(String(logical))
			? 'TIMESTAMPTZ'
			: s.type === 'BOOLEAN'
				? 'BOOLEAN'
				: ['INT32', 'INT64', 'FLOAT', 'DOUBLE'].includes(String(s.type)) &&
					  !/DATE|DECIMAL/i.test(String(logical))
					? 'DOUBLE'
					: 'VARCHAR';
		return { name: s.name, type };
	});
	if (!db.insertArrowIpc) throw new Error('This database cannot take Arrow data (insertArrowIpc)');
	const staged = await decodeParquet(bytes, cols);
	await db.insertArrowIpc('ingest_stage', staged.ipc);
	const list = cols.map((c) =>
		unstageExpr({ name: c.name.replace(/"/g, '""'), type: c.type }, staged.typed)
	);
	await db.exec(`CREATE TABLE "${table}" AS SELECT ${list.join(', ')} FROM ingest_stage`);
	await db.exec('DROP TABLE ingest_stage');
}
