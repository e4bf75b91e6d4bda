/**
 * Decodes Parquet into Arrow IPC off the page's main thread (see parquet-offthread.ts): the map's
 * WebGL start-up and the decoding of a dropped mission then run side by side instead of in turns.
 */
import { parquetToIpc, type ContractColumn } from './parquet';

interface Job {
	id: number;
	bytes: Uint8Array;
	columns: ContractColumn[];
}

self.onmessage = async (e: MessageEvent<Job>) => {
	const { id, bytes, columns } = e.data;
	if (id === 0) return; // warm-up: this module (and the decoder) is loaded, nothing to decode
	try {
		const ipc = await parquetToIpc(bytes, columns);
		(self as unknown as Worker).postMessage({ id, ipc }, [ipc.buffer]);
	} catch (err) {
		(self as unknown as Worker).postMessage({
			id,
			error: err instanceof Error ? err.message : String(err)
		});
	}
};
