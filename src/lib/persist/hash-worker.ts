/** Hashes stored sources off the page's main thread (see hash.ts). */
import { hashHere, type HashJob, type HashReply } from './hash';

self.onmessage = async (e: MessageEvent<HashJob>) => {
	const { id, parts } = e.data;
	let reply: HashReply;
	try {
		reply = { id, hash: await hashHere(parts) };
	} catch (err) {
		reply = { id, error: err instanceof Error ? err.message : String(err) };
	}
	(self as unknown as Worker).postMessage(reply);
};
