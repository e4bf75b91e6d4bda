/**
 * Reads what the user dropped or picked (files, folders of files) into named byte arrays.
 * Folder drops keep their relative path (`mission-1/rssi_sample.parquet`) so the loader can
 * tell several missions' folders apart.
 */
import type { NamedBytes } from './files';
import { checkSize } from './limits';
import { IngestError } from './notes';

/** A file the user dropped or picked, before it is read: its path keeps the dropped folder. */
export interface PickedFile {
	file: File;
	path: string;
}

/**
 * Files whose names we can load; anything else in a dropped folder is skipped, not an error.
 * `.sql` is the schema.sql/load.sql of a story-4.8 EXPORT DATABASE folder.
 */
export const LOADABLE = /\.(parquet|duckdb|db|sqlite|sqlite3|csv|json|jsonl|txt|sql|zip)$/i;

async function readFile(file: File, path: string): Promise<NamedBytes> {
	return { name: path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
	return new Promise((ok, fail) => entry.file(ok, fail));
}

async function readDir(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
	const reader = dir.createReader();
	const all: FileSystemEntry[] = [];
	// readEntries returns at most ~100 entries per call: keep reading until it returns none.
	for (;;) {
		const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
		if (batch.length === 0) return all;
		all.push(...batch);
	}
}

async function walk(entry: FileSystemEntry, prefix: string, out: File[], paths: string[]) {
	if (entry.isFile) {
		const f = await entryFile(entry as FileSystemFileEntry);
		out.push(f);
		paths.push(prefix + entry.name);
	} else if (entry.isDirectory) {
		for (const child of await readDir(entry as FileSystemDirectoryEntry)) {
			await walk(child, `${prefix}${entry.name}/`, out, paths);
		}
	}
}

/** Files (with relative paths) from a drop event's DataTransfer, descending into folders. */
export async function filesFromDrop(dt: DataTransfer): Promise<PickedFile[]> {
	const entries = Array.from(dt.items)
		.map((item) => item.webkitGetAsEntry?.())
		.filter((e): e is FileSystemEntry => !!e);
	if (entries.length === 0) {
		return Array.from(dt.files).map((file) => ({ file, path: file.name }));
	}
	const files: File[] = [];
	const paths: string[] = [];
	for (const e of entries) await walk(e, '', files, paths);
	return files.map((file, i) => ({ file, path: paths[i] ?? file.name }));
}

/** Files from an <input type=file> (with webkitdirectory the relative path is kept). */
export function filesFromInput(list: FileList): PickedFile[] {
	return Array.from(list).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** Read the loadable files into memory; returns the bytes and the names that were skipped. */
export async function readFiles(
	files: PickedFile[],
	opts: { maxBytes?: number } = {}
): Promise<{ loaded: NamedBytes[]; skipped: string[] }> {
	const loaded: NamedBytes[] = [];
	const skipped: string[] = [];
	// Refuse a file the tab cannot hold before reading a byte of it (reading would crash the tab).
	for (const { file, path } of files)
		if (LOADABLE.test(path)) checkSize(path, file.size, opts.maxBytes);
	for (const { file, path } of files) {
		if (LOADABLE.test(path)) loaded.push(await readFile(file, path));
		else skipped.push(path);
	}
	return { loaded, skipped };
}

/** The load unit a picked file belongs to: a database or zip file alone, else its folder. */
export function unitOf(path: string): string {
	return /\.(duckdb|db|sqlite3?|zip)$/i.test(path)
		? path
		: path.slice(0, path.lastIndexOf('/') + 1);
}

/**
 * The picked files as load units (a mission folder, a database file, a zip), in the order picked,
 * and the names of files that are not mission data. A library import reads and loads unit by unit.
 */
export function sourceUnits(files: readonly PickedFile[]): {
	units: PickedFile[][];
	skipped: string[];
} {
	const units = new Map<string, PickedFile[]>();
	const skipped: string[] = [];
	for (const f of files) {
		if (!LOADABLE.test(f.path)) skipped.push(f.path);
		else units.set(unitOf(f.path), [...(units.get(unitOf(f.path)) ?? []), f]);
	}
	return { units: [...units.values()], skipped };
}

/**
 * True when the picked files hold more than one mission's source (a library): several folders of
 * contract Parquet, or several database or zip files. A library import stays on the library
 * with its progress; one mission opens its review while it loads.
 */
export function isLibrary(files: readonly { path: string }[]): boolean {
	const sources = new Set<string>();
	for (const { path } of files) {
		if (/\.(duckdb|db|sqlite3?|zip|parquet)$/i.test(path)) sources.add(unitOf(path));
		if (sources.size > 1) return true;
	}
	return false;
}

/**
 * The load units in chunks of at most `chunk.units` units and about `chunk.bytes` bytes (a unit
 * bigger than that is a chunk of its own), in order, made one at a time as they are asked for,
 * asking only the sizes of the files each takes: a picked file's size costs a round trip to the
 * browser the first time (~0.25 ms; 0.37 s of the page for a 100-hour library's 1 460 files
 * before its first read, when asked all at once).
 */
export function chunker(
	units: PickedFile[][],
	chunk: { units: number; bytes: number }
): () => PickedFile[][] | null {
	let at = 0;
	return () => {
		const cur: PickedFile[][] = [];
		let bytes = 0;
		for (; at < units.length; at++) {
			const u = units[at] as PickedFile[];
			const b = u.reduce((n, f) => n + f.file.size, 0);
			if (cur.length && (cur.length >= chunk.units || bytes + b > chunk.bytes)) break;
			cur.push(u);
			bytes += b;
		}
		return cur.length ? cur : null;
	};
}

/** Units read from disk; a file the browser cannot read is named (IngestError), the rest go on. */
export async function readUnits(
	units: PickedFile[][]
): Promise<{ files: NamedBytes[]; errors: IngestError[] }> {
	const errors: IngestError[] = [];
	const read = await Promise.all(
		units.flat().map(async (f): Promise<NamedBytes | null> => {
			try {
				return { name: f.path, bytes: new Uint8Array(await f.file.arrayBuffer()), blob: f.file };
			} catch (e) {
				errors.push(
					new IngestError(
						f.path,
						`${f.path} could not be read (${e instanceof Error ? e.message : String(e)})`,
						'Check the file is still there and readable, then import it again.'
					)
				);
				return null;
			}
		})
	);
	return { files: read.filter((f): f is NamedBytes => f !== null), errors };
}
