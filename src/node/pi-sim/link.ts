/**
 * The radio link between Pi and ground station, for the simulator's file downloads: a shared
 * bandwidth (every response, ranges included, draws on one budget, as on one radio), a delay
 * before each answer (round-trip latency), and a log of the file requests served (tests check
 * that a big file was read with ranges: 206 answers).
 */
import { Transform, type TransformCallback } from 'node:stream';

export interface LinkOptions {
	/** Link throughput in kilobits per second (1 kbit = 1000 bit); unlimited when absent or 0. */
	bandwidthKbps?: number;
	/** Delay before each file answer, ms (one round trip of the link). */
	latencyMs?: number;
	/** Ignore Range headers and send whole files (200), like a server without range support. */
	noRanges?: boolean;
}

export interface ServedRequest {
	method: string;
	path: string;
	/** The Range header as sent, or null for a whole-file request. */
	range: string | null;
	status: number;
	/** Body bytes the answer carries. */
	bytes: number;
}

export class Link {
	readonly log: ServedRequest[] = [];
	#busyUntil = 0;

	constructor(readonly opts: LinkOptions = {}) {}

	/** Wait one link latency (nothing when unset). */
	async delay(): Promise<void> {
		const ms = this.opts.latencyMs ?? 0;
		if (ms > 0) await new Promise((ok) => setTimeout(ok, ms));
	}

	/**
	 * A pass-through stream paced to the link's bandwidth. Chunks of every open response take
	 * turns on one schedule, so two parallel downloads share the link instead of doubling it.
	 */
	pace(): Transform {
		const kbps = this.opts.bandwidthKbps ?? 0;
		// The schedule is shared by every response, so it lives on the link, reached through a closure.
		// A token bucket with 50 ms of burst: a timer that fires late (a busy machine) is made up
		// for by the next pieces, so the average rate holds instead of drifting below the setting.
		const reserve = (bytes: number): number => {
			const now = Date.now();
			this.#busyUntil = Math.max(now - 50, this.#busyUntil) + (bytes * 8) / kbps;
			return Math.max(0, this.#busyUntil - now);
		};
		return new Transform({
			transform(chunk: Buffer, _enc, done: TransformCallback) {
				if (!(kbps > 0)) return done(null, chunk);
				const pieces: Buffer[] = [];
				// Small pieces keep the pacing smooth (a 64 KiB read would be a 0.5 s burst at 1 Mbit/s).
				for (let at = 0; at < chunk.length; at += 8192) pieces.push(chunk.subarray(at, at + 8192));
				const next = (): void => {
					const piece = pieces.shift();
					if (!piece) return done();
					setTimeout(() => {
						this.push(piece);
						next();
					}, reserve(piece.length));
				};
				next();
			}
		});
	}
}
