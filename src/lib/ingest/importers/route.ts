/**
 * Routes every non-contract file to its importer, finishes the drafted missions (cleaning with
 * notes) and writes them. One function per kind of input: single files, logger folders, story-4.8
 * export folders and story-4.8 .duckdb files (after ATTACH).
 */
import { CONTRACT_TABLES } from '$lib/contract';
import type { Db } from '$lib/db/types';
import type { ContractColumns } from '../columns';
import { textOf as text, type NamedBytes } from '../files';
import { IngestError, type IngestNote } from '../notes';
import type { FileKind } from './detect';
import { importFieldLogger } from './field-logger';
import { finishMission } from './finish';
import { importAnalysisCsv, importRecorder, importRecorderCsv } from './recorder';
import { importSqlite } from './sqlite';
import { importStory48 } from './story48';
import { readStory48Attached, readStory48Export } from './story48-read';
import type { DataQualityNote, DraftMission } from './types';
import { openUserTable } from './user-table';
import { importWsCapture } from './ws-capture';
import { stageRows, writeTables, type TableWrite } from '../write';

/** What routing adds to a load's result. */
export interface RouteOut {
	missionIds: string[];
	notes: IngestNote[];
	quality: DataQualityNote[];
	tables: string[];
	/** Which files gave which new missions (the library store keeps them so). */
	sources: IngestSource[];
}

/** Files and the missions they gave, one unit of a load (a folder, a database file…). */
export interface IngestSource {
	files: string[];
	missionIds: string[];
}

/** Finish and write drafted missions; a mission already loaded is skipped with a note. */
export async function writeDrafts(
	db: Db,
	drafts: DraftMission[],
	file: string,
	mine: ContractColumns,
	out: RouteOut
): Promise<void> {
	for (const d of drafts) {
		const m = finishMission(d, file);
		const tables: TableWrite[] = [];
		for (const table of CONTRACT_TABLES) {
			const rows = m.tables[table];
			const cols = mine.get(table);
			if (!rows?.length || !cols) continue;
			tables.push({
				table,
				file,
				cols,
				ipc: async () => ({ ipc: stageRows(rows, cols), typed: false })
			});
		}
		if ((await writeTables(db, { file, tables, quality: m.notes })).length) {
			out.missionIds.push(m.mission_id);
			out.quality.push(...m.notes);
		} else out.notes.push({ file, message: `mission ${m.mission_id} is already loaded; skipped` });
	}
}

/** One self-contained file of a known foreign kind. */
export async function importSingle(
	db: Db,
	f: NamedBytes,
	kind: FileKind,
	mine: ContractColumns,
	out: RouteOut
): Promise<void> {
	let drafts: DraftMission[];
	if (kind === 'recorder-csv') drafts = [importRecorderCsv(f.name, text(f))];
	else if (kind === 'analysis-csv') drafts = [importAnalysisCsv(f.name, text(f))];
	else if (kind === 'recorder-json')
		drafts = [importRecorder(f.name, recorderFrames(f), 'recorder-json')];
	else if (kind === 'ws-jsonl') drafts = [importWsCapture(f.name, text(f))];
	else if (kind === 'sqlite') drafts = await importSqlite(f.name, f.bytes);
	else if (kind === 'parquet' || kind === 'csv') {
		const { table, message } = await openUserTable(db, f, kind);
		out.tables.push(table);
		out.notes.push({ file: f.name, message });
		return;
	} else {
		out.notes.push({
			file: f.name,
			message: 'not a format this app reads (Parquet, DuckDB, SQLite, CSV, JSON, JSONL); skipped'
		});
		return;
	}
	await writeDrafts(db, drafts, f.name, mine, out);
}

/** A field-test logger folder (telemetry.csv, rssi.csv, events.json, performance.csv). */
export async function importLoggerFolder(
	db: Db,
	folder: string,
	files: NamedBytes[],
	mine: ContractColumns,
	out: RouteOut
): Promise<void> {
	const byBase = new Map([...byBaseName(files)].map(([k, f]) => [k, text(f)]));
	await writeDrafts(db, [importFieldLogger(folder, byBase)], folder || files[0]!.name, mine, out);
}

/** A story-4.8 EXPORT DATABASE folder (schema.sql, load.sql, one Parquet per table). */
export async function importStory48Folder(
	db: Db,
	folder: string,
	files: NamedBytes[],
	mine: ContractColumns,
	out: RouteOut
): Promise<void> {
	const tables = await readStory48Export(byBaseName(files));
	await writeDrafts(
		db,
		importStory48(folder || 'backup', tables, 'duckdb-4.8-export'),
		folder,
		mine,
		out
	);
}

/** A story-4.8 pisad.duckdb already attached as `alias`. */
export async function importStory48Attached(
	db: Db,
	alias: string,
	file: string,
	mine: ContractColumns,
	out: RouteOut
): Promise<void> {
	const tables = await readStory48Attached(db, alias);
	if (!tables.state_history.length && !tables.rssi_buffer.length && !tables.telemetry.length) {
		throw new IngestError(
			file,
			`${file} is a DuckDB database without PISAD tables (no mission, state_history or rssi_buffer rows)`,
			"Pick a mission .duckdb (contract v1) or the Pi's story-4.8 pisad.duckdb."
		);
	}
	await writeDrafts(db, importStory48(file, tables, 'duckdb-4.8'), file, mine, out);
}

/** Recorder frames from a JSON list, `{frames: [...]}`, or one JSON object per line. */
function recorderFrames(f: NamedBytes): Record<string, unknown>[] {
	const s = text(f).trim();
	try {
		if (s.startsWith('[')) return JSON.parse(s) as Record<string, unknown>[];
		if (s.startsWith('{') && !s.includes('\n')) {
			const o = JSON.parse(s) as { frames?: Record<string, unknown>[] };
			return o.frames ?? [o];
		}
		return s
			.split('\n')
			.filter((l) => l.trim())
			.map((l) => JSON.parse(l) as Record<string, unknown>);
	} catch (e) {
		throw new IngestError(
			f.name,
			`${f.name} is not valid JSON`,
			'Check that the copy finished, or export the recorder log again.',
			String(e)
		);
	}
}

/** A folder's files by their lower-case base name (the formats name their files so). */
function byBaseName(files: NamedBytes[]): Map<string, NamedBytes> {
	return new Map(files.map((f) => [f.name.slice(f.name.lastIndexOf('/') + 1).toLowerCase(), f]));
}
