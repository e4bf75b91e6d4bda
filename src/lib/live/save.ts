/**
 * Restoring a recording: rows read back from the recording store go into DuckDB as one mission.
 * (Saving a flight is save-parquet.ts: a zip of contract Parquet.)
 */
import type { Db } from '$lib/db/types';
import type { LiveRows } from './tables';
import { ArrowAppender } from './append';

/** Load a recording (rows read back from the store) into DuckDB; returns its mission id. */
export async function restoreRows(db: Db, rows: LiveRows): Promise<string | null> {
	const id = rows.mission?.[0]?.mission_id ?? rows.rssi_sample?.[0]?.mission_id ?? null;
	if (!id) return null;
	const have = await db.query<{ n: number }>(
		'SELECT count(*) AS n FROM mission WHERE mission_id = $1',
		[id]
	);
	if ((have[0]?.n ?? 0) > 0) return id; // already in this tab's database
	await new ArrowAppender(db).append(rows);
	return id;
}
