/**
 * The writers' fast path (write.ts, write-bulk.ts): when a write's missions are named by its
 * mission table and none is loaded yet, a table whose file decoded to exactly the contract's
 * columns and types is appended to as it is: one append instead of a stage table, a filter, an
 * INSERT … SELECT and a DROP (five worker round trips and plans per table). Opening one mission
 * from a fleet archive took ~50 statements before.
 */
import { tableFromIPC } from 'apache-arrow';
import type { Db } from '$lib/db/types';
import { soon } from '$lib/db/held';
import type { ContractColumns } from './columns';
import type { Staged } from './decode';
import type { TableWrite } from './write';

/**
 * The missions of each unit (a folder's tables), read from its mission table, when every unit
 * has one, they differ, and none is loaded yet; else null (the writer stages as before).
 */
export async function newMissions(
	db: Db,
	units: { tables: TableWrite[] }[]
): Promise<string[][] | null> {
	const ids: string[][] = [];
	for (const u of units) {
		const m = u.tables.find((t) => t.table === 'mission');
		if (!m?.ipc) return null;
		const found = idsOf((await m.ipc()).ipc);
		if (!found.length) return null;
		ids.push(found);
	}
	const all = ids.flat();
	if (new Set(all).size !== all.length) return null;
	const known = await db.query<{ n: number }>(
		`SELECT count(*)::INTEGER AS n FROM ingest_known WHERE mission_id IN (${all.map(sqlString).join(', ')})`
	);
	return (known[0]?.n ?? 0) === 0 ? ids : null;
}

/** True when the table's rows can be appended as they are (every contract column, exact types). */
export function appendable(t: TableWrite, staged: Staged, mine: ContractColumns): boolean {
	return staged.exact === true && t.cols.length === mine.get(t.table)?.length;
}

/** The missions a write added become known to the rest of the load (as fresh_commit does). */
export async function knowMissions(db: Db, ids: string[]): Promise<void> {
	if (ids.length)
		await soon(
			db,
			`INSERT INTO ingest_known VALUES ${ids.map((id) => `(${sqlString(id)})`).join(', ')}`
		);
}

/** A string as an SQL literal. */
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** The mission ids of a mission table's rows. */
export function idsOf(ipc: Uint8Array): string[] {
	const col = tableFromIPC(ipc).getChild('mission_id');
	return col ? [...new Set([...col].map(String))] : [];
}
