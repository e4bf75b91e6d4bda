/**
 * The beacon worker's entry (a module worker): the posterior's grid work runs here, off the
 * page's main thread, so a live update or a review posterior never holds up a frame.
 */
import type { BeaconReply, BeaconRequest } from './messages';
import { BeaconService } from './service';

const service = new BeaconService();

self.onmessage = (e: MessageEvent<{ id: number; req: BeaconRequest }>) => {
	const { id, req } = e.data;
	let reply: BeaconReply;
	try {
		const result = req.kind === 'review' ? service.review(req) : service.live(req);
		reply = { id, ok: true, result };
	} catch (err) {
		reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
	}
	self.postMessage(reply);
};
