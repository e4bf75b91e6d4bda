/**
 * Reading story-4.8 tables into rows: from an attached .duckdb (SQL over the registered bytes) or
 * from its `EXPORT DATABASE ... (FORMAT PARQUET)` folder (Parquet decoded in JS with hyparquet:
 * the browser build has no parquet extension).
 */
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Db } from '$lib/db/types';
import type { NamedBytes } from '../files';
import { IngestError } from '../notes';
import type { Story48Row, Story48Tables } from './story48';

/** The seed's tables; a file with state_history or rssi_buffer is taken as story 4.8. */
export const STORY48_TABLES = [
	'state_history',
	'rssi_buffer',
	'telemetry',
	'config_profiles'
] as const;

/** Rows of the story-4.8 tables in attached catalog `alias` (tables it lacks are empty). */
export async function readStory48Attached(db: Db, alias: string): Promise<Story48Tables> {
	const cols = await db.query<{ table_name: string; column_name: string; data_type: string }>(
		`SELECT table_name, column_name, data_type FROM information_schema.columns
		 WHERE table_catalog = $1 AND table_schema = 'main' ORDER BY ordinal_position`,
		[alias]
	);
	const out = emptyTables();
	for (const table of STORY48_TABLES) {
		const mine = cols.filter((c) => c.table_name === table);
		if (mine.length === 0) continue;
		// Numbers, booleans and times convert natively; anything else (UUID, JSON, GEOMETRY as
		// text) is read as VARCHAR so every row value is plain data.
		const list = mine.map((c) => {
			const id = `"${c.column_name.replace(/"/g, '""')}"`;
			const plain =
				/^(DOUBLE|FLOAT|REAL|INTEGER|BIGINT|SMALLINT|TINYINT|BOOLEAN|DECIMAL|TIMESTAMP|DATE|VARCHAR)/.test(
					c.data_type
				);
			return plain ? id : `CAST(${id} AS VARCHAR) AS ${id}`;
		});
		out[table] = await db.query<Story48Row>(
			`SELECT ${list.join(', ')} FROM ${alias}.main."${table}"`
		);
	}
	return out;
}

/** Rows of the story-4.8 tables from an export folder's Parquet files (base name → bytes). */
export async function readStory48Export(files: Map<string, NamedBytes>): Promise<Story48Tables> {
	const out = emptyTables();
	for (const table of STORY48_TABLES) {
		const f = files.get(`${table}.parquet`);
		if (!f) continue;
		try {
			const buf = f.bytes.buffer.slice(
				f.bytes.byteOffset,
				f.bytes.byteOffset + f.bytes.byteLength
			) as ArrayBuffer;
			const rows = await parquetReadObjects({
				file: buf,
				compressors,
				parsers: {
					timestampFromMicroseconds: (us: bigint) => us,
					timestampFromMilliseconds: (ms: bigint) => ms * 1000n,
					timestampFromNanoseconds: (ns: bigint) => ns / 1000n
				}
			});
			out[table] = rows.map(plainRow);
		} catch (e) {
			throw new IngestError(
				f.name,
				`${f.name} is not a Parquet file or is truncated`,
				'Copy the backup folder from the Pi again, or run EXPORT DATABASE again.',
				String(e)
			);
		}
	}
	return out;
}

/** UUIDs arrive as 16 bytes: print them; JSON objects as text. */
function plainRow(r: Record<string, unknown>): Story48Row {
	const o: Story48Row = {};
	for (const [k, v] of Object.entries(r)) {
		if (v instanceof Uint8Array && v.length === 16) {
			const h = Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('');
			o[k] =
				`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
		} else if (v && typeof v === 'object' && !(v instanceof Date)) o[k] = JSON.stringify(v);
		else o[k] = v instanceof Date ? v.getTime() : v;
	}
	return o;
}

/** No rows of any story-4.8 table yet. */
function emptyTables(): Story48Tables {
	return { state_history: [], rssi_buffer: [], telemetry: [], config_profiles: [] };
}
