/**
 * Parquet → Arrow IPC in a Web Worker when the page has one, in the caller's thread otherwise
 * (Node tests, or a browser that refuses the worker). Same result and same error messages either
 * way; the worker is started on first use and kept for the tab's life.
 */
import { parquetToIpc, type ContractColumn } from './parquet';

type Reply = { id: number; ipc?: Uint8Array; error?: string };

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { ok: (b: Uint8Array) => void; fail: (e: Error) => void }>();

function getWorker(): Worker | null {
	if (worker !== undefined) return worker;
	worker = null;
	if (typeof window === 'undefined' || typeof Worker === 'undefined') return worker;
	try {
		const w = new Worker(new URL('./parquet-worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<Reply>) => {
			const job = waiting.get(e.data.id);
			if (!job) return;
			waiting.delete(e.data.id);
			if (e.data.ipc) job.ok(e.data.ipc);
			else job.fail(new Error(e.data.error ?? 'Parquet decoding failed'));
		};
		w.onerror = () => {
			// The worker could not start (e.g. a policy forbids it): decode here from now on.
			worker = null;
			for (const job of waiting.values()) job.fail(new Error('worker-failed'));
			waiting.clear();
		};
		worker = w;
	} catch {
		worker = null;
	}
	return worker;
}

/**
 * Start the worker and have it load its decoder now (an empty job), so the first dropped file
 * does not pay for the worker's start-up.
 */
export function warmParquetDecoder(): void {
	const w = getWorker();
	if (w) w.postMessage({ id: 0, bytes: new Uint8Array(), columns: [] });
}

/** Decode `columns` of a Parquet file to an Arrow IPC stream, off the main thread if possible. */
export async function decodeParquet(
	bytes: Uint8Array,
	columns: ContractColumn[]
): Promise<Uint8Array> {
	const w = getWorker();
	if (!w) return parquetToIpc(bytes, columns);
	const id = nextId++;
	try {
		return await new Promise<Uint8Array>((ok, fail) => {
			waiting.set(id, { ok, fail });
			// A copy goes to the worker: the caller keeps its bytes (footers are read again later).
			const copy = bytes.slice();
			w.postMessage({ id, bytes: copy, columns }, [copy.buffer]);
		});
	} catch (e) {
		if (e instanceof Error && e.message === 'worker-failed') return parquetToIpc(bytes, columns);
		throw e;
	}
}
