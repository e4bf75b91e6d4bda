import { CONTRACT_TABLES } from '$lib/contract';
import type { Db } from '$lib/db/types';

/** A string as a SQL literal (quotes doubled). */
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * Remove missions from every contract table, in one transaction. Not a .sql file: it is one
 * DELETE per table, with table names from the contract allow-list; the ids are bound for one
 * mission and quoted literals for many (a library import drops a chunk's rows in one statement
 * per table once they are stored, and DuckDB gives their memory back).
 */
export async function deleteMissions(db: Db, missionIds: readonly string[]): Promise<void> {
	if (!missionIds.length) return;
	const one = missionIds.length === 1;
	const where = one ? 'mission_id = $1' : `mission_id IN (${missionIds.map(literal).join(', ')})`;
	await db.exec('BEGIN TRANSACTION');
	try {
		// The contract tables plus the per-mission data-quality notes kept beside them.
		for (const table of [...[...CONTRACT_TABLES].reverse(), 'data_quality_note'])
			await db.query(`DELETE FROM "${table}" WHERE ${where}`, one ? [...missionIds] : []);
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK');
		throw e;
	}
}

/** Remove one mission from every contract table, in one transaction. */
export function deleteMission(db: Db, missionId: string): Promise<void> {
	return deleteMissions(db, [missionId]);
}
