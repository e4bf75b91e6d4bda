/**
 * Decodes Parquet into Arrow IPC off the page's main thread (see parquet-offthread.ts): the map's
 * WebGL start-up and the decoding of a dropped mission then run side by side instead of in turns,
 * and a mission downloaded from the Pi decodes without stalling the live view.
 */
import { decodeFile, decodePieces, decodeRowGroups } from './decode';
import type { ContractColumn } from './parquet';
import type { SparseFile } from './sparse';

/**
 * The columns of a whole file (dropped), or of the fetched pieces of a file read by ranges, or
 * of some row groups (some rows of them) of such pieces: a fleet archive's mission.
 */
export type DecodeWork = { columns: ContractColumn[] } & (
	| { bytes: Uint8Array }
	| { file: SparseFile }
	| { groups: SparseFile; rowGroups: number[]; rows?: { offset: number; limit: number } }
);
/** Id 0: a warm-up, not answered. */
export type DecodeJob = DecodeWork & { id: number };

self.onmessage = async (e: MessageEvent<DecodeJob>) => {
	const job = e.data;
	const { id, columns } = job;
	try {
		// Warm-up: this module and parquet-wasm are instantiated, nothing is answered.
		if (id === 0) return void (await decodeFile(new Uint8Array(), []).catch(() => undefined));
		if ('groups' in job) {
			// parquet-wasm only: null (`none`) sends the caller to its JS decoder.
			const s = await decodeRowGroups(job.groups, columns, job.rowGroups, job.rows);
			if (!s) return void (self as unknown as Worker).postMessage({ id, none: true });
			return void (self as unknown as Worker).postMessage({ id, ...s }, [s.ipc.buffer]);
		}
		const bytes = 'bytes' in job ? job.bytes : new Uint8Array();
		const { ipc, typed, exact } = await ('file' in job
			? decodePieces(job.file, columns)
			: decodeFile(bytes, columns));
		(self as unknown as Worker).postMessage({ id, ipc, typed, exact }, [ipc.buffer]);
	} catch (err) {
		(self as unknown as Worker).postMessage({
			id,
			error: err instanceof Error ? err.message : String(err)
		});
	}
};
