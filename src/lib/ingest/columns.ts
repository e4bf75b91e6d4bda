import { isContractTable, type ContractTable } from '$lib/contract';
import type { Db } from '$lib/db/types';
import type { ContractColumn } from './parquet';

/** The contract tables' real columns (from the open database), the allow-list for identifiers. */
export type ContractColumns = Map<ContractTable, ContractColumn[]>;

// The app's own contract tables never change shape once the schema is in: their columns are
// read once per database (the first information_schema query costs ~0.4 s in the browser).
const own = new WeakMap<Db, Promise<ContractColumns>>();

/** Only these columns of these tables (a library import's scratch catalog, library-keep.ts). */
export type Narrow = Partial<Record<ContractTable, readonly string[]>>;

/**
 * Give `db` the columns another database of the same schema answered (a scratch catalog holds
 * the app's own schema: asking information_schema again cost ~0.4 s per catalog), less the
 * columns `narrow` leaves out (dropped from its tables by `narrowing`).
 */
export function sameColumns(db: Db, like: Db, narrow: Narrow = {}): void {
	const p = own.get(like);
	if (p)
		own.set(
			db,
			p.then((cols) => narrowed(cols, narrow))
		);
}

/** The columns left once `narrow` is applied. */
export function narrowed(cols: ContractColumns, narrow: Narrow): ContractColumns {
	return new Map(
		[...cols].map(([t, list]) => {
			const keep = narrow[t];
			return [t, keep ? list.filter((c) => keep.includes(c.name)) : list];
		})
	);
}

/** The statements that drop from a catalog's tables the columns `narrow` leaves out. */
export function narrowing(cols: ContractColumns, narrow: Narrow): string[] {
	return [...cols].flatMap(([t, list]) => {
		const keep = narrow[t];
		if (!keep) return [];
		return list
			.filter((c) => !keep.includes(c.name))
			.map((c) => `ALTER TABLE "${t}" DROP COLUMN "${c.name}"`);
	});
}

/**
 * Read columns of the contract tables in `catalog` (an attached file), or of the app's own
 * database when no catalog is given (cached per database).
 */
export function contractColumns(db: Db, catalog?: string): Promise<ContractColumns> {
	if (catalog !== undefined) return readColumns(db, catalog);
	let p = own.get(db);
	if (!p) {
		p = readColumns(db);
		own.set(db, p);
		p.catch(() => own.delete(db));
	}
	return p;
}

async function readColumns(db: Db, catalog?: string): Promise<ContractColumns> {
	const rows = await db.query<{ table_name: string; column_name: string; data_type: string }>(
		`SELECT table_name, column_name, data_type FROM information_schema.columns
		 WHERE table_schema = 'main' AND table_catalog = COALESCE($1, current_database())
		 ORDER BY table_name, ordinal_position`,
		[catalog ?? null]
	);
	const out: ContractColumns = new Map();
	for (const r of rows) {
		if (!isContractTable(r.table_name)) continue;
		const cols = out.get(r.table_name) ?? [];
		cols.push({ name: r.column_name, type: r.data_type });
		out.set(r.table_name, cols);
	}
	return out;
}
