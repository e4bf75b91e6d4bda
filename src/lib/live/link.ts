/**
 * The WebSocket link to the Pi: connects, reconnects with exponential backoff and full jitter
 * (so many ground stations do not hammer a Pi in step), pings every `pingMs` and measures the
 * round trip from the `pong`, and treats `staleMs` without any frame as a dead link (a radio link
 * that fades often leaves the TCP connection open with nothing flowing).
 */

/** WebSocket.OPEN (the same in the DOM and in Node's `ws`). */
const OPEN = 1;

/** The subset of the DOM WebSocket this module uses (Node's `ws` fits it too, for tests). */
export interface WsLike {
	readonly readyState: number;
	onopen: ((ev: unknown) => void) | null;
	onclose: ((ev: unknown) => void) | null;
	onerror: ((ev: unknown) => void) | null;
	onmessage: ((ev: { data: unknown }) => void) | null;
	send(data: string): void;
	close(): void;
}
export type WsFactory = (url: string) => WsLike;

export interface LinkOptions {
	url: string;
	connect?: WsFactory;
	baseDelayMs?: number;
	maxDelayMs?: number;
	pingMs?: number;
	staleMs?: number;
	random?: () => number;
	onFrame(text: string, receivedAt: number): void;
	onStatus(s: LinkStatus): void;
	onPong?(rttMs: number): void;
}

export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** Delay before reconnect attempt `n` (0-based): uniform in [0, min(max, base·2ⁿ)], floor 100 ms. */
export function backoffDelay(n: number, base: number, max: number, random: () => number): number {
	return Math.max(100, random() * Math.min(max, base * 2 ** n));
}

export class PiLink {
	#ws: WsLike | null = null;
	#attempt = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#ping: ReturnType<typeof setInterval> | null = null;
	#pingSentAt: number | null = null;
	#lastFrame = 0;
	#stopped = false;
	status: LinkStatus = 'connecting';

	constructor(readonly o: LinkOptions) {}

	start() {
		this.#stopped = false;
		this.#open();
	}

	stop() {
		this.#stopped = true;
		this.#clear();
		this.#ws?.close();
		this.#ws = null;
		this.#set('closed');
	}

	#set(s: LinkStatus) {
		this.status = s;
		this.o.onStatus(s);
	}

	#clear() {
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#ping) clearInterval(this.#ping);
		this.#timer = this.#ping = null;
	}

	#open() {
		const connect = this.o.connect ?? ((u: string) => new WebSocket(u) as unknown as WsLike);
		let ws: WsLike;
		try {
			ws = connect(this.o.url);
		} catch {
			return this.#retry();
		}
		this.#ws = ws;
		ws.onopen = () => {
			this.#attempt = 0;
			this.#lastFrame = performance.now();
			this.#set('connected');
			this.#ping = setInterval(() => this.#tick(), this.o.pingMs ?? 1000);
		};
		ws.onmessage = (ev) => {
			const now = performance.now();
			this.#lastFrame = now;
			if (typeof ev.data !== 'string') return;
			if (this.#pingSentAt !== null && ev.data.includes('"pong"') && ev.data.length < 40) {
				this.o.onPong?.(now - this.#pingSentAt);
				this.#pingSentAt = null;
			}
			this.o.onFrame(ev.data, now);
		};
		ws.onerror = () => undefined; // onclose follows and handles it
		ws.onclose = () => {
			if (this.#ws !== ws) return;
			this.#ws = null;
			this.#clear();
			if (!this.#stopped) this.#retry();
		};
	}

	#tick() {
		const ws = this.#ws;
		if (!ws) return;
		if (performance.now() - this.#lastFrame > (this.o.staleMs ?? 5000)) {
			// Nothing heard for too long: drop it and reconnect.
			this.#ws = null;
			this.#clear();
			ws.close();
			return this.#retry();
		}
		// A socket the Pi's side is closing (a link drop not yet reported by onclose) is not sent
		// to: the browser logs an error for every send to a closing socket.
		if (ws.readyState !== OPEN) return;
		this.#pingSentAt = performance.now();
		ws.send(JSON.stringify({ type: 'ping' }));
	}

	#retry() {
		if (this.#stopped) return;
		this.#set('reconnecting');
		const delay = backoffDelay(
			this.#attempt++,
			this.o.baseDelayMs ?? 250,
			this.o.maxDelayMs ?? 5000,
			this.o.random ?? Math.random
		);
		this.#timer = setTimeout(() => this.#open(), delay);
	}
}
