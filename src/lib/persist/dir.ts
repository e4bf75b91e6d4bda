/**
 * Where the stored library lives: a flat folder of named byte files, in the origin's private file
 * system (OPFS) when the browser gives one, else in memory for the session. The library store
 * only sees this interface, so its logic is tested in Node on the memory folder.
 */

/** A part of a stored file: bytes, or a file on disk (a Blob). */
export type Part = Uint8Array | Blob;

export interface Dir {
	/** The folder's name under the origin's OPFS root, where a worker may write into it too. */
	readonly opfsFolder?: string;
	read(name: string): Promise<Uint8Array>;
	/**
	 * Write a whole file from its parts, in order (no joined copy of a mission's files). OPFS
	 * commits a writable on close, so a crash keeps the old file. A part may be a picked file:
	 * the browser copies it without the page reading it.
	 */
	write(name: string, parts: Part | Part[]): Promise<void>;
	remove(name: string): Promise<void>;
	list(): Promise<string[]>;
}

/** A folder in memory (a private window, no quota, or the other tab of two). */
export class MemoryDir implements Dir {
	#files: Record<string, Uint8Array> = {};
	async read(name: string): Promise<Uint8Array> {
		const f = this.#files[name];
		if (!f) throw new Error(`No stored file ${name}`);
		return f;
	}
	async write(name: string, parts: Part | Part[]): Promise<void> {
		const list = await Promise.all(
			(Array.isArray(parts) ? parts : [parts]).map(async (p) =>
				p instanceof Blob ? new Uint8Array(await p.arrayBuffer()) : p
			)
		);
		const all = new Uint8Array(list.reduce((n, p) => n + p.length, 0));
		let at = 0;
		for (const p of list) all.set(p, (at += p.length) - p.length);
		this.#files[name] = all;
	}
	async remove(name: string): Promise<void> {
		delete this.#files[name];
	}
	async list(): Promise<string[]> {
		return Object.keys(this.#files);
	}
}

/** A folder in OPFS. */
export class OpfsDir implements Dir {
	constructor(
		readonly handle: FileSystemDirectoryHandle,
		readonly opfsFolder?: string
	) {}

	async read(name: string): Promise<Uint8Array> {
		const f = await (await this.handle.getFileHandle(name)).getFile();
		return new Uint8Array(await f.arrayBuffer());
	}
	async write(name: string, parts: Part | Part[]): Promise<void> {
		const h = await this.handle.getFileHandle(name, { create: true });
		const w = await h.createWritable();
		try {
			for (const p of Array.isArray(parts) ? parts : [parts])
				await w.write(p as Uint8Array<ArrayBuffer> | Blob);
			await w.close();
		} catch (e) {
			await w.abort().catch(() => undefined);
			throw e;
		}
	}
	async remove(name: string): Promise<void> {
		await this.handle.removeEntry(name);
	}
	async list(): Promise<string[]> {
		const out: string[] = [];
		const it = (this.handle as unknown as { keys(): AsyncIterable<string> }).keys();
		for await (const k of it) out.push(k);
		return out;
	}
}

/**
 * Take the library's write lock if no other tab holds it (held for the tab's life). False when
 * another tab writes the library, or the browser has no Web Locks (then this tab writes).
 */
export function takeWriteLock(name: string): Promise<boolean> {
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	if (!locks) return Promise.resolve(true);
	return new Promise((answer) => {
		void locks.request(name, { ifAvailable: true }, (lock) => {
			answer(lock !== null);
			// Held until the tab closes: the promise never settles.
			return lock ? new Promise<void>(() => {}) : undefined;
		});
	});
}

/** Used and available storage of the origin, bytes (null when the browser does not say). */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
	try {
		const e = await navigator.storage.estimate();
		return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
	} catch {
		return null;
	}
}
