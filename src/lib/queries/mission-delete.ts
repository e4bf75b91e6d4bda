import { CONTRACT_TABLES } from '$lib/contract';
import type { Db } from '$lib/db/types';

/**
 * Remove one mission from every contract table, in one transaction. Not a .sql file: it is one
 * DELETE per table, with table names from the contract allow-list and the id bound.
 */
export async function deleteMission(db: Db, missionId: string): Promise<void> {
	await db.exec('BEGIN TRANSACTION');
	try {
		// The contract tables plus the per-mission data-quality notes kept beside them.
		for (const table of [...[...CONTRACT_TABLES].reverse(), 'data_quality_note']) {
			await db.query(`DELETE FROM "${table}" WHERE mission_id = $1`, [missionId]);
		}
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK');
		throw e;
	}
}
