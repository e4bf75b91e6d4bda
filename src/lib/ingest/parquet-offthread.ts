/**
 * Parquet → Arrow IPC (decode.ts: parquet-wasm, the JS decoder where it cannot) in Web Workers when the page has them, in the caller's thread otherwise
 * (Node tests, or a browser that refuses workers). Same result and same error messages either
 * way. A small pool (one worker per spare core, 2–4) is started on first use and kept for the
 * tab's life; each job goes to the worker with the fewest jobs waiting. Whole files (dropped)
 * and files read by ranges (their fetched pieces: the page does the network reads, a worker
 * cannot share the page's range reader) go to the same pool.
 */
import { decodeFile, decodePieces, decodeRowGroups, type Staged } from './decode';
import type { ContractColumn } from './parquet';
import type { SparseFile } from './sparse';
import type { DecodeJob, DecodeWork } from './parquet-worker';

/** `none`: the job's decoder declined (decodeRowGroups' null). */
type Reply = {
	id: number;
	ipc?: Uint8Array;
	typed?: boolean;
	exact?: boolean;
	none?: boolean;
	error?: string;
};
interface Slot {
	w: Worker;
	busy: number;
}

let pool: Slot[] | null | undefined;
let nextId = 1;
const waiting = new Map<
	number,
	{ slot: Slot; ok: (s: Staged | null) => void; fail: (e: Error) => void }
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
		if (e.data.ipc)
			job.ok({ ipc: e.data.ipc, typed: e.data.typed === true, exact: e.data.exact === true });
		else if (e.data.none) job.ok(null);
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
	const warm: DecodeJob = { id: 0, bytes: new Uint8Array(), columns: [] };
	for (const s of getPool() ?? []) s.w.postMessage(warm);
}

/**
 * End the decoding workers once a load is done: each holds its own parquet-wasm memory (a wasm
 * heap never shrinks) and JS heap, hundreds of MB of the tab's after a library import. The
 * next load starts them again (~0.2 s).
 */
export function releaseParquetDecoder(): void {
	if (!pool || waiting.size) return;
	for (const s of pool) s.w.terminate();
	pool = undefined;
}

/**
 * Decode `columns` of a Parquet file to an Arrow IPC stream, off the main thread if possible. A
 * copy goes to the worker (the caller keeps its bytes: footers are read again later, and they are
 * stored). Workers reading a picked file again themselves cost more of two cores (the browser's
 * I/O thread and the worker's) than the copy here (~0.5 ms per 2 MB).
 */
export async function decodeParquet(bytes: Uint8Array, columns: ContractColumn[]): Promise<Staged> {
	const early = ahead.get(bytes);
	if (early && early.key === columnsKey(columns)) {
		ahead.delete(bytes);
		return early.staged;
	}
	// Asked before its decode ahead was started (decodeAheadOf gives the page turns between
	// files), that one is then not started.
	decoding.add(bytes);
	const slots = getPool();
	if (!slots?.length) return decodeFile(bytes, columns);
	const copy = bytes.slice();
	const sent = post(slots, { bytes: copy, columns }, [copy.buffer]).then(answered);
	return fallBack(sent, () => decodeFile(bytes, columns));
}

// Decodes started ahead of their ingest (decodeAhead), each taken once by decodeParquet: its
// stream goes to the engine (transferred), so a second ingest of the same bytes decodes anew.
const ahead = new WeakMap<Uint8Array, { key: string; staged: Promise<Staged> }>();
// Bytes whose decoding was started (ahead or asked): a decode ahead asked later does nothing.
const decoding = new WeakSet<Uint8Array>();
const columnsKey = (columns: ContractColumn[]): string => columns.map((c) => c.name).join(',');

/**
 * Start decoding `columns` of a file now, for the ingest that will ask decodeParquet for the same
 * columns of the same bytes. Its failure is the ingest's to report.
 */
export function decodeAhead(bytes: Uint8Array, columns: ContractColumn[]): Promise<Staged> | null {
	const there = ahead.get(bytes);
	if (there) return there.staged;
	if (decoding.has(bytes)) return null;
	const staged = decodeParquet(bytes, columns);
	staged.catch(() => undefined);
	ahead.set(bytes, { key: columnsKey(columns), staged });
	return staged;
}

/**
 * Decode `columns` of a Parquet file read by ranges, from its fetched pieces (its footer and the
 * span of the column chunks of `columns`: see piecesToIpc), off the main thread if possible.
 * The pieces' buffers are handed over to the worker (unusable here afterwards), so when no
 * worker can take the job after all, `inThread` decodes it in this thread (from the network
 * again). Without workers at all, the pieces are decoded here.
 */
export async function decodeParquetPieces(
	file: SparseFile,
	columns: ContractColumn[],
	inThread: () => Promise<Staged>
): Promise<Staged> {
	const slots = getPool();
	if (!slots?.length) return decodePieces(file, columns);
	const buffers = new Set(file.pieces.map((p) => p.bytes.buffer as ArrayBuffer));
	return fallBack(post(slots, { file, columns }, [...buffers]).then(answered), inThread);
}

/**
 * decodeRowGroups (a fleet archive's mission: some rows of some row groups, from fetched pieces)
 * off the main thread if possible, so the page it opens draws meanwhile. The pieces' buffers go
 * to the worker; null when parquet-wasm cannot decode them (or no worker could after all): the
 * caller decodes the rows with the JS decoder from the network.
 */
export async function decodeRowGroupsOffthread(
	file: SparseFile,
	columns: ContractColumn[],
	rowGroups: number[],
	rows?: { offset: number; limit: number }
): Promise<Staged | null> {
	const slots = getPool();
	if (!slots?.length) return decodeRowGroups(file, columns, rowGroups, rows);
	const buffers = new Set(file.pieces.map((p) => p.bytes.buffer as ArrayBuffer));
	const job: DecodeWork = { groups: file, columns, rowGroups, ...(rows ? { rows } : {}) };
	return fallBack(post(slots, job, [...buffers]), async () => null);
}

/** Jobs that always answer rows (whole files, pieces): a decline is a failure. */
function answered(s: Staged | null): Staged {
	if (!s) throw new Error('Parquet decoding failed');
	return s;
}

/** A job to the least busy worker; its IPC stream, or its error (as the worker reported it). */
function post(slots: Slot[], job: DecodeWork, transfer: Transferable[]): Promise<Staged | null> {
	const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
	const id = nextId++;
	return new Promise<Staged | null>((ok, fail) => {
		waiting.set(id, { slot, ok, fail });
		slot.busy++;
		try {
			const msg: DecodeJob = { ...job, id };
			slot.w.postMessage(msg, transfer);
		} catch (e) {
			waiting.delete(id);
			slot.busy--;
			throw e;
		}
	});
}

/** The worker's answer, or the job done in this thread when the worker died first. */
async function fallBack<T>(sent: Promise<T>, inThread: () => Promise<T>): Promise<T> {
	try {
		return await sent;
	} catch (e) {
		if (e instanceof Error && e.message === 'worker-failed') return inThread();
		throw e;
	}
}
