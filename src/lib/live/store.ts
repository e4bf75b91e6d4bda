/**
 * Crash-safe recording of the live mission in the browser's own storage: the recorder writes one
 * small chunk of contract rows per second (a reload or tab crash loses at most that second), and
 * on reopening the page the recordings found are offered back. OPFS (Origin Private File System)
 * when the browser has it, IndexedDB otherwise. One chunk = one file/record, written whole, so a
 * crash mid-write loses only that chunk, never the recording.
 */
import { mergeRows } from './append';
import type { LiveRows } from './tables';

export interface RecordingMeta {
	id: string;
	mission_id: string;
	pi: string;
	started_at: number;
	updated_at: number;
	rows: number;
	chunks: number;
}

export interface RecordingStore {
	readonly kind: 'opfs' | 'indexeddb';
	list(): Promise<RecordingMeta[]>;
	/** Write chunk `n` of recording `meta.id`, then its meta (so meta never names a missing chunk). */
	write(meta: RecordingMeta, n: number, rows: LiveRows): Promise<void>;
	read(id: string): Promise<LiveRows>;
	remove(id: string): Promise<void>;
}

const ROOT = 'pisad-live';
const chunkName = (n: number) => `c-${String(n).padStart(7, '0')}.json`;

/** The best store this browser offers, or null when it has none. */
export async function openRecordingStore(): Promise<RecordingStore | null> {
	try {
		const root = await navigator.storage.getDirectory();
		return new OpfsStore(await root.getDirectoryHandle(ROOT, { create: true }));
	} catch {
		if (typeof indexedDB === 'undefined') return null;
		const { IdbStore } = await import('./store-idb');
		return IdbStore.open();
	}
}

class OpfsStore implements RecordingStore {
	readonly kind = 'opfs';
	constructor(readonly dir: FileSystemDirectoryHandle) {}

	async list(): Promise<RecordingMeta[]> {
		const out: RecordingMeta[] = [];
		for await (const [name, h] of entries(this.dir)) {
			if (h.kind !== 'directory') continue;
			try {
				const f = await (
					await (h as FileSystemDirectoryHandle).getFileHandle('meta.json')
				).getFile();
				out.push(JSON.parse(await f.text()) as RecordingMeta);
			} catch {
				await this.dir.removeEntry(name, { recursive: true }).catch(() => undefined);
			}
		}
		return out.sort((a, b) => b.updated_at - a.updated_at);
	}

	async write(meta: RecordingMeta, n: number, rows: LiveRows): Promise<void> {
		const d = await this.dir.getDirectoryHandle(meta.id, { create: true });
		await writeText(d, chunkName(n), JSON.stringify(rows));
		await writeText(d, 'meta.json', JSON.stringify(meta));
	}

	async read(id: string): Promise<LiveRows> {
		const d = await this.dir.getDirectoryHandle(id);
		const names: string[] = [];
		for await (const [name] of entries(d)) if (name.startsWith('c-')) names.push(name);
		const out: LiveRows = {};
		for (const name of names.sort()) {
			const f = await (await d.getFileHandle(name)).getFile();
			try {
				mergeRows(out, JSON.parse(await f.text()) as LiveRows);
			} catch {
				// A chunk cut short by a crash: skip it (at most one second of data).
			}
		}
		return out;
	}

	async remove(id: string): Promise<void> {
		await this.dir.removeEntry(id, { recursive: true }).catch(() => undefined);
	}
}

async function writeText(d: FileSystemDirectoryHandle, name: string, text: string) {
	const w = await (await d.getFileHandle(name, { create: true })).createWritable();
	await w.write(text);
	await w.close();
}

/** Directory entries (the async iterator is missing from some TS DOM lib versions). */
function entries(d: FileSystemDirectoryHandle): AsyncIterable<[string, FileSystemHandle]> {
	return (d as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries();
}
