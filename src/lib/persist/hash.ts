/**
 * Content hashes of stored sources (SHA-256 of a source's files, in order, as hex). In the browser
 * they are computed in a worker: Chrome digests on the calling thread, and hashing a chunk of a
 * library import there took 80–130 ms of the page's main thread, chunk after chunk.
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

/** A hashing job and its answer. */
export type HashJob = { id: number; parts: Uint8Array[] };
export type HashReply = { id: number; hash?: string; error?: string };

let worker: Worker | null = null;
let jobs = 0;
const waiting = new Map<number, { ok(hash: string): void; fail(e: Error): void }>();

/** SHA-256 of the parts laid end to end: in a worker where the page has one, else here. */
export function contentHash(...parts: Uint8Array[]): Promise<string> {
	if (typeof window === 'undefined' || typeof Worker === 'undefined') return hashHere(parts);
	if (!worker) {
		worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<HashReply>) => {
			const job = waiting.get(e.data.id);
			waiting.delete(e.data.id);
			if (e.data.hash) job?.ok(e.data.hash);
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
		w.postMessage({ id, parts: copies } satisfies HashJob, {
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
