import { CONTRACT_TABLES } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { KNOWN_SQL, contractColumns, loadedMissionIds, type ContractColumns } from './columns';
import { checkStorageVersion } from './importers/duckdb-header';
import { IngestError, type IngestNote } from './notes';

let counter = 0;

/**
 * Load one .duckdb file: ATTACH the bytes (or the URL, read by DuckDB with HTTP ranges) READ_ONLY, INSERT INTO each contract table BY NAME the
 * columns both sides have, skipping missions already loaded, all in one transaction; then DETACH
 * and drop the file. Returns the mission ids loaded. A file without contract tables (e.g. the
 * story-4.8 pisad.duckdb) is handed, still attached, to `other`. The storage version is checked
 * before ATTACH so a file from another DuckDB gets a clear message.
 */
export async function loadDuckDbFile(
	db: Db,
	file: { name: string; bytes: Uint8Array } | { name: string; url: string },
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
		const known = await loadedMissionIds(db);
		const ids = theirs.has('mission')
			? await db.query<{ mission_id: string }>(`SELECT DISTINCT mission_id FROM ${alias}.mission`)
			: await db.query<{ mission_id: string }>(
					`SELECT DISTINCT mission_id FROM ${alias}.rssi_sample`
				);
		const fresh = ids.map((r) => r.mission_id).filter((id) => !known.has(id));
		for (const id of ids.map((r) => r.mission_id).filter((id) => known.has(id)))
			notes.push({ file: file.name, message: `mission ${id} is already loaded; skipped` });
		if (fresh.length === 0) return [];
		await db.exec('BEGIN TRANSACTION');
		try {
			await db.exec(`CREATE OR REPLACE TEMP TABLE ingest_known AS ${KNOWN_SQL}`);
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
			await db.exec('DROP TABLE ingest_known');
			await db.exec('COMMIT');
		} catch (e) {
			await db.exec('ROLLBACK').catch(() => undefined);
			throw IngestError.from(e, file.name);
		}
		return fresh;
	} finally {
		await db.exec(`DETACH ${alias}`);
		await db.dropFile(reg);
	}
}
