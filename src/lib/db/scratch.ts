/**
 * A scratch catalog: a fresh, uncompressed in-memory catalog holding the contract schema, on its
 * own connection whose default catalog it is, so the app's SQL files (unqualified names) run
 * there unchanged. A library import writes chunks of missions into one, computes their library
 * rows there and empties it (Scratch.empty) for the next ones: the rows never enter the app's
 * compressed catalog, whose COMMIT compresses every row group it is handed (3.9 s of a 100-hour
 * import, for rows that left again at once), and they leave without a DELETE (dropped tables,
 * or the catalog detached, give the memory back whole).
 */
import { soon } from './held';
import { oneScript, USE_CATALOG } from './schema';
import type { Db, Scratch } from './types';

let made = 0;

/**
 * Open a scratch catalog on a new connection from `fork`, with `schema` (the contract DDL, views
 * and macros) run in it. `close()` detaches the catalog and closes the connection; `empty()` keeps
 * them and lets the rows go.
 */
export async function openScratch(
	fork: () => Promise<Db>,
	schema: readonly string[]
): Promise<Scratch> {
	const name = `pisad_scratch_${++made}`;
	const conn = await fork();
	try {
		await conn.exec(oneScript([`ATTACH ':memory:' AS ${name}`, `USE ${name}`, ...schema]));
	} catch (e) {
		await conn.close();
		throw e;
	}
	// The tables as they are now (narrowed), read at the first empty().
	let remake: Promise<string> | null = null;
	return {
		...conn,
		async empty(): Promise<void> {
			remake ??= conn
				.query<{ table_name: string; sql: string }>(
					`SELECT table_name, sql FROM duckdb_tables()
					 WHERE database_name = current_database() AND NOT temporary ORDER BY table_name`
				)
				.then((tables) =>
					oneScript([
						...tables.map((t) => `DROP TABLE "${t.table_name}"`),
						...tables.map((t) => t.sql.replace(/;\s*$/, ''))
					])
				);
			await soon(conn, await remake);
		},
		async close(): Promise<void> {
			try {
				await conn.exec(USE_CATALOG);
				await conn.exec(`DETACH ${name}`);
			} finally {
				await conn.close();
			}
		}
	};
}
