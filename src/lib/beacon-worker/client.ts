/**
 * The page's handle on the beacon worker: typed requests, one promise each. Where no Worker
 * exists (Node: tests, scripts) the same service runs in-thread, so callers never branch.
 */
import type { BeaconPosterior } from '$lib/beacon';
import type {
	BeaconReply,
	BeaconRequest,
	LiveRegions,
	LiveRequest,
	ReviewRequest
} from './messages';
import { BeaconService } from './service';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** One beacon worker (review and live use the same API). */
export class BeaconWorker {
	#worker: Worker | null = null;
	#local: BeaconService | null = null;
	#pending = new Map<number, Pending>();
	#next = 1;

	constructor() {
		if (typeof Worker === 'undefined') {
			this.#local = new BeaconService();
			return;
		}
		this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
		this.#worker.onmessage = (e: MessageEvent<BeaconReply>) => this.#reply(e.data);
		this.#worker.onerror = (e) => {
			e.preventDefault();
			this.#failAll(new Error(`The beacon worker failed: ${e.message || 'script error'}`));
		};
	}

	/** The posterior of a whole mission (review). */
	review(req: Omit<ReviewRequest, 'kind'>): Promise<BeaconPosterior | null> {
		return this.#ask({ kind: 'review', ...req }) as Promise<BeaconPosterior | null>;
	}

	/** Feed the live posterior its new peaks; its regions, or null before enough peaks. */
	live(req: Omit<LiveRequest, 'kind'>): Promise<LiveRegions | null> {
		return this.#ask({ kind: 'live', ...req }) as Promise<LiveRegions | null>;
	}

	/** Stop the worker; pending requests fail. */
	terminate() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#failAll(new Error('The beacon worker was stopped.'));
	}

	#ask(req: BeaconRequest): Promise<unknown> {
		const local = this.#local;
		if (local) {
			// Asynchronous like the worker, so callers see the same ordering.
			return Promise.resolve().then(() =>
				req.kind === 'review' ? local.review(req) : local.live(req)
			);
		}
		const w = this.#worker;
		if (!w) return Promise.reject(new Error('The beacon worker was stopped.'));
		const id = this.#next++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			w.postMessage({ id, req });
		});
	}

	#reply(r: BeaconReply) {
		const p = this.#pending.get(r.id);
		if (!p) return;
		this.#pending.delete(r.id);
		if (r.ok) p.resolve(r.result);
		else p.reject(new Error(r.error));
	}

	#failAll(e: Error) {
		for (const p of this.#pending.values()) p.reject(e);
		this.#pending.clear();
	}
}

let shared: BeaconWorker | null = null;

/** The review pages' shared worker, started on first use (idle while nothing asks). */
export function reviewWorker(): BeaconWorker {
	shared ??= new BeaconWorker();
	return shared;
}
