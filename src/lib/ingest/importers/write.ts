/**
 * Imported rows → the contract tables, one mission per transaction. Rows travel as Arrow (the
 * same staging types as Parquet ingest: DOUBLE, VARCHAR, BOOLEAN; times as DOUBLE µs) and SQL
 * casts them to the contract types, so there is one conversion path for every format.
 */
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { CONTRACT_TABLES } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { loadedMissionIds, type ContractColumns } from '../columns';
import { IngestError } from '../notes';
import { unstageExpr, type ContractColumn } from '../parquet';
import type { DataQualityNote, DraftRow, ImportedMission } from './types';

/** Insert one imported mission; false (nothing written) when its id is already loaded. */
export async function writeMission(
	db: Db,
	m: ImportedMission,
	mine: ContractColumns,
	file: string
): Promise<boolean> {
	if ((await loadedMissionIds(db)).has(m.mission_id)) return false;
	if (!db.insertArrowIpc) throw new Error('This database cannot take Arrow data (insertArrowIpc)');
	await db.exec('BEGIN TRANSACTION');
	try {
		for (const table of CONTRACT_TABLES) {
			const rows = m.tables[table];
			const cols = mine.get(table);
			if (!rows?.length || !cols) continue;
			await db.insertArrowIpc('ingest_stage', stageRows(rows, cols));
			await db.exec(
				`INSERT INTO main."${table}" BY NAME SELECT ${cols.map(unstageExpr).join(', ')} FROM ingest_stage`
			);
			await db.exec('DROP TABLE ingest_stage');
		}
		await saveNotes(db, m.notes);
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => undefined);
		throw IngestError.from(e, file);
	}
	return true;
}

/** Keep notes in data_quality_note so the data-quality panel can list them per mission. */
export async function saveNotes(db: Db, notes: DataQualityNote[]): Promise<void> {
	for (const n of notes) {
		await db.query(
			`INSERT INTO data_quality_note (mission_id, file, severity, message, rows_affected)
			 VALUES ($1, $2, $3, $4, $5)`,
			[n.mission_id, n.file, n.severity, n.message, n.rows_affected]
		);
	}
}

/** Rows → Arrow IPC stream typed for staging (every contract column, missing ones NULL). */
export function stageRows(rows: DraftRow[], cols: ContractColumn[]): Uint8Array {
	const vectors: Record<string, Vector> = {};
	for (const c of cols) {
		const values = rows.map((r) => r[c.name]);
		if (c.type === 'VARCHAR')
			vectors[c.name] = vectorFromArray(
				values.map((v) => (v === null || v === undefined ? null : String(v))),
				new Utf8()
			);
		else if (c.type === 'BOOLEAN')
			vectors[c.name] = vectorFromArray(
				values.map((v) => (typeof v === 'boolean' ? v : null)),
				new Bool()
			);
		else {
			const scale = c.type.startsWith('TIMESTAMP') ? 1000 : 1; // contract ms → staged µs
			vectors[c.name] = vectorFromArray(
				values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v * scale : null)),
				new Float64()
			);
		}
	}
	return tableToIPC(new Table(vectors), 'stream');
}
