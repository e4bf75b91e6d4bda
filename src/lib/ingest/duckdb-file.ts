import { CONTRACT_TABLES } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { contractColumns, type ContractColumns } from './columns';
import type { NamedBytes } from './files';
import { checkStorageVersion } from './importers/duckdb-header';
import { IngestError, type IngestNote } from './notes';
import { commitFresh, inTransaction, openFresh, withKnownMissions } from './write';

let counter = 0;

/**
 * Load one .duckdb file: ATTACH the bytes (or the URL, read by DuckDB with HTTP ranges)
 * READ_ONLY, INSERT INTO each contract table BY NAME the columns both sides have, skipping
 * missions already loaded, in one transaction (the writer's policy: write.ts); then DETACH and
 * drop the file. SQL stays here: it names the attached catalog, an alias made here. Returns the mission ids loaded. A file without contract tables (e.g. the
 * story-4.8 pisad.duckdb) is handed, still attached, to `other`. The storage version is checked
 * before ATTACH so a file from another DuckDB gets a clear message.
 */
export async function loadDuckDbFile(
	db: Db,
	file: NamedBytes | { name: string; url: string },
	mine: ContractColumns,
	notes: IngestNote[],
	other?: (alias: string) => Promise<string[]>
): Promise<string[]> {
	if ('bytes' in file) checkStorageVersion(file.name, file.bytes);
	// Registered and attached under names we make, so nothing from the user is spliced into SQL.
	const n = ++counter;
	const reg = `ingest_${n}.duckdb`;
	const alias = `ingest_src_${n}`;
	if ('bytes' in file) await db.registerFile(reg, file.bytes);
	else if (db.registerUrl) await db.registerUrl(reg, file.url);
	else throw new Error('This database cannot read files by URL (registerUrl)');
	try {
		await db.exec(`ATTACH '${reg}' AS ${alias} (READ_ONLY)`);
	} catch (e) {
		await db.dropFile(reg);
		throw IngestError.from(e, file.name);
	}
	try {
		const theirs = await contractColumns(db, alias);
		if (!theirs.has('mission') && !theirs.has('rssi_sample')) {
			if (other) return await other(alias);
			throw new IngestError(
				file.name,
				`${file.name} is a DuckDB database without PISAD mission tables`,
				"Pick a mission .duckdb (contract v1) or the Pi's story-4.8 pisad.duckdb."
			);
		}
		const idTable = theirs.has('mission') ? 'mission' : 'rssi_sample';
		return await withKnownMissions(db, () =>
			inTransaction(db, file.name, async () => {
				await openFresh(db);
				await db.exec(
					`INSERT INTO ingest_fresh SELECT DISTINCT CAST(mission_id AS VARCHAR) FROM ${alias}.${idTable}
					 WHERE CAST(mission_id AS VARCHAR) NOT IN (SELECT mission_id FROM ingest_known)`
				);
				for (const table of CONTRACT_TABLES) {
					const src = theirs.get(table);
					const dst = new Set((mine.get(table) ?? []).map((c) => c.name));
					if (!src) continue;
					const cols = src.filter((c) => dst.has(c.name)).map((c) => `"${c.name}"`);
					await db.exec(
						`INSERT INTO main."${table}" BY NAME SELECT ${cols.join(', ')} FROM ${alias}."${table}"
						 WHERE mission_id NOT IN (SELECT mission_id FROM ingest_known)`
					);
				}
				const fresh = await commitFresh(db);
				const all = await db.query<{ mission_id: string }>(
					`SELECT DISTINCT CAST(mission_id AS VARCHAR) AS mission_id FROM ${alias}.${idTable}`
				);
				for (const { mission_id: id } of all)
					if (!fresh.includes(id))
						notes.push({ file: file.name, message: `mission ${id} is already loaded; skipped` });
				return fresh;
			})
		);
	} finally {
		await db.exec(`DETACH ${alias}`);
		await db.dropFile(reg);
	}
}
