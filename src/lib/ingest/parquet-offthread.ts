/**
 * Parquet → Arrow IPC in Web Workers when the page has them, in the caller's thread otherwise
 * (Node tests, or a browser that refuses workers). Same result and same error messages either
 * way. A small pool (one worker per spare core, 2–4) is started on first use and kept for the
 * tab's life; each job goes to the worker with the fewest jobs waiting.
 */
import { parquetToIpc, type ContractColumn } from './parquet';

type Reply = { id: number; ipc?: Uint8Array; error?: string };
interface Slot {
	w: Worker;
	busy: number;
}

let pool: Slot[] | null | undefined;
let nextId = 1;
const waiting = new Map<
	number,
	{ slot: Slot; ok: (b: Uint8Array) => void; fail: (e: Error) => void }
>();

function poolSize(): number {
	const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
	return Math.min(4, Math.max(2, cores - 1));
}

function startWorker(): Slot {
	const w = new Worker(new URL('./parquet-worker.ts', import.meta.url), { type: 'module' });
	const slot: Slot = { w, busy: 0 };
	w.onmessage = (e: MessageEvent<Reply>) => {
		const job = waiting.get(e.data.id);
		if (!job) return;
		waiting.delete(e.data.id);
		job.slot.busy--;
		if (e.data.ipc) job.ok(e.data.ipc);
		else job.fail(new Error(e.data.error ?? 'Parquet decoding failed'));
	};
	w.onerror = () => {
		// A worker could not start (e.g. a policy forbids it): decode in the page from now on.
		pool = null;
		for (const job of waiting.values()) job.fail(new Error('worker-failed'));
		waiting.clear();
	};
	return slot;
}

function getPool(): Slot[] | null {
	if (pool !== undefined) return pool;
	pool = null;
	if (typeof window === 'undefined' || typeof Worker === 'undefined') return pool;
	try {
		pool = Array.from({ length: poolSize() }, startWorker);
	} catch {
		pool = null;
	}
	return pool;
}

/**
 * Start the workers and have them load their decoder now (an empty job), so the first dropped
 * file does not pay for their start-up.
 */
export function warmParquetDecoder(): void {
	for (const s of getPool() ?? []) s.w.postMessage({ id: 0, bytes: new Uint8Array(), columns: [] });
}

/** Decode `columns` of a Parquet file to an Arrow IPC stream, off the main thread if possible. */
export async function decodeParquet(
	bytes: Uint8Array,
	columns: ContractColumn[]
): Promise<Uint8Array> {
	const slots = getPool();
	if (!slots?.length) return parquetToIpc(bytes, columns);
	const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
	const id = nextId++;
	try {
		return await new Promise<Uint8Array>((ok, fail) => {
			waiting.set(id, { slot, ok, fail });
			slot.busy++;
			// A copy goes to the worker: the caller keeps its bytes (footers are read again later).
			const copy = bytes.slice();
			slot.w.postMessage({ id, bytes: copy, columns }, [copy.buffer]);
		});
	} catch (e) {
		if (e instanceof Error && e.message === 'worker-failed') return parquetToIpc(bytes, columns);
		throw e;
	}
}
