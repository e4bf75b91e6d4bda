/**
 * Content hashes of stored sources (SHA-256 of a source's files, in order, as hex). In the browser
 * they are computed in a worker: Chrome digests on the calling thread, and hashing a chunk of a
 * library import there took 80–130 ms of the page's main thread, chunk after chunk.
 *
 * The same worker also writes a source into the stored library's OPFS folder when asked
 * (`keepSource`): it holds the bytes already, and a synchronous access handle writes them
 * straight to the file. Written from the page through a writable stream (the browser copies
 * the data through its own process into a swap file, then moves it), a 100-hour library's
 * 344 MB cost ~3.7 s of the two cores and ~1.4 s of the import.
 */

/** SHA-256 of the parts laid end to end, here (Node, tests, the worker itself). */
export async function hashHere(parts: readonly Uint8Array[]): Promise<string> {
	const total = parts.reduce((n, p) => n + p.length, 0);
	const all = new Uint8Array(total);
	let at = 0;
	for (const p of parts) all.set(p, (at += p.length) - p.length);
	const d = await crypto.subtle.digest('SHA-256', all as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The stored file of a source: named by its content (one file per distinct content). */
export function sourceKey(hash: string): string {
	return `s-${hash.slice(0, 24)}`;
}

/**
 * A hashing job (and, with `folder`, a write of the parts under the source's key in that OPFS
 * folder) and its answer (`written` when the file was written or was there whole already).
 */
export type HashJob = { id: number; parts: Uint8Array[]; folder?: string };
export type HashReply = { id: number; hash?: string; written?: boolean; error?: string };

/** A source's content hash, and whether the worker stored it (under sourceKey(hash)). */
export interface Hashed {
	hash: string;
	written: boolean;
}

/** FileSystemSyncAccessHandle, as far as it is used (the DOM typings leave it to workers). */
interface SyncHandle {
	truncate(size: number): void;
	write(buffer: Uint8Array<ArrayBuffer>, options: { at: number }): number;
	flush(): void;
	close(): void;
}

/**
 * Write the parts end to end as `key` in the origin's OPFS folder `folder` (a worker: a
 * synchronous access handle). A file of that name and size is the same content (the name is
 * its hash) and is left as it is. False where the browser has no synchronous handles.
 */
export async function writeSource(
	folder: string,
	key: string,
	parts: Uint8Array[]
): Promise<boolean> {
	const dir = await folderHandle(folder);
	const total = parts.reduce((n, p) => n + p.length, 0);
	const there = await dir
		.getFileHandle(key)
		.then((h) => h.getFile())
		.catch(() => null);
	if (there?.size === total) return true;
	const handle = (await dir.getFileHandle(key, { create: true })) as unknown as {
		createSyncAccessHandle?(): Promise<SyncHandle>;
	};
	if (!handle.createSyncAccessHandle) return false;
	const file = await handle.createSyncAccessHandle();
	try {
		file.truncate(0);
		let at = 0;
		for (const p of parts) at += file.write(p as Uint8Array<ArrayBuffer>, { at });
		if (at !== total) throw new Error(`wrote ${at} of ${total} bytes`);
		file.flush();
	} finally {
		file.close();
	}
	return true;
}

// The worker's handle of each folder it writes into, looked up once.
const folders = new Map<string, Promise<FileSystemDirectoryHandle>>();
function folderHandle(name: string): Promise<FileSystemDirectoryHandle> {
	let h = folders.get(name);
	if (!h) {
		h = navigator.storage
			.getDirectory()
			.then((root) => root.getDirectoryHandle(name, { create: true }));
		h.catch(() => folders.delete(name));
		folders.set(name, h);
	}
	return h;
}

let worker: Worker | null = null;
let jobs = 0;
const waiting = new Map<number, { ok(done: Hashed): void; fail(e: Error): void }>();

/**
 * Hash a source's parts and, given the stored library's OPFS `folder`, write them there under
 * `sourceKey(hash)` in the same worker pass (`written` false when it was not: no folder, no
 * worker, no synchronous handles, or the write failed; the store then writes it itself).
 */
export function keepSource(parts: Uint8Array[], folder?: string): Promise<Hashed> {
	if (typeof window === 'undefined' || typeof Worker === 'undefined')
		return hashHere(parts).then((hash) => ({ hash, written: false }));
	if (!worker) {
		worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<HashReply>) => {
			const job = waiting.get(e.data.id);
			waiting.delete(e.data.id);
			if (e.data.hash) job?.ok({ hash: e.data.hash, written: e.data.written === true });
			else job?.fail(new Error(e.data.error ?? 'hashing failed'));
		};
	}
	const id = ++jobs;
	const w = worker;
	return new Promise((ok, fail) => {
		waiting.set(id, { ok, fail });
		// Copies handed over to the worker (one copy, made here: the page keeps its bytes to store
		// them). A worker reading picked files again itself took more of the two cores.
		const copies = parts.map((p) => p.slice());
		w.postMessage({ id, parts: copies, ...(folder ? { folder } : {}) } satisfies HashJob, {
			transfer: copies.map((p) => p.buffer)
		});
	});
}

/** End the hashing worker (its heap held the copies it hashed); the next hash starts it again. */
export function releaseHasher(): void {
	if (!worker || waiting.size) return;
	worker.terminate();
	worker = null;
}
