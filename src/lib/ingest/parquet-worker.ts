/**
 * Decodes Parquet into Arrow IPC off the page's main thread (see parquet-offthread.ts): the map's
 * WebGL start-up and the decoding of a dropped mission then run side by side instead of in turns,
 * and a mission downloaded from the Pi decodes without stalling the live view.
 */
import { parquetToIpc, piecesToIpc, type ContractColumn } from './parquet';
import type { SparseFile } from './sparse';

/** The columns of a whole file (dropped), or of the fetched pieces of a file read by ranges. */
export type DecodeWork = { columns: ContractColumn[] } & (
	{ bytes: Uint8Array } | { file: SparseFile }
);
/** Id 0: a warm-up, not answered. */
export type DecodeJob = DecodeWork & { id: number };

self.onmessage = async (e: MessageEvent<DecodeJob>) => {
	const job = e.data;
	const { id, columns } = job;
	if (id === 0) return; // warm-up: this module (and the decoder) is loaded, nothing to decode
	try {
		const ipc = await ('file' in job
			? piecesToIpc(job.file, columns)
			: parquetToIpc(job.bytes, columns));
		(self as unknown as Worker).postMessage({ id, ipc }, [ipc.buffer]);
	} catch (err) {
		(self as unknown as Worker).postMessage({
			id,
			error: err instanceof Error ? err.message : String(err)
		});
	}
};
