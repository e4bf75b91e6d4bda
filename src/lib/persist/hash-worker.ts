/** Hashes stored sources off the page's main thread, and writes them where asked (see hash.ts). */
import { hashHere, sourceKey, writeSource, type HashJob, type HashReply } from './hash';

self.onmessage = async (e: MessageEvent<HashJob>) => {
	const { id, parts, folder } = e.data;
	let reply: HashReply;
	try {
		const hash = await hashHere(parts);
		// A write that fails here is the store's to do (and to report): the hash still stands.
		const written =
			!!folder && (await writeSource(folder, sourceKey(hash), parts).catch(() => false));
		reply = { id, hash, written };
	} catch (err) {
		reply = { id, error: err instanceof Error ? err.message : String(err) };
	}
	(self as unknown as Worker).postMessage(reply);
};
