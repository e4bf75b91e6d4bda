/**
 * A remote file read by HTTP range requests, as hyparquet's AsyncBuffer: `slice(start, end)`
 * asks for `bytes=start-(end-1)` and counts bytes as they stream in (download progress). A server
 * that ignores Range answers 200 with the whole file: that body is then kept and every later slice
 * is cut from it (the whole-download fallback), unless it is larger than `wholeLimit`, where the
 * request is aborted and an error thrown (a footer read must not pull a 300 MB file).
 */
import type { AsyncBuffer } from 'hyparquet';

export interface RangeFile extends AsyncBuffer {
	slice(start: number, end?: number): Promise<ArrayBuffer>;
	/** true after a 206 answer, false after a 200 (no ranges), null before any answer. */
	ranged(): boolean | null;
	/** Requests made so far. */
	requests(): number;
	/**
	 * true once a read failed in transport (network error, HTTP error, short answer, whole file
	 * too large): the file's bytes, not its content, are what went wrong.
	 */
	failed(): boolean;
}

export class NoRangesError extends Error {}

export function httpRangeFile(
	url: string,
	byteLength: number,
	onBytes: (n: number) => void = () => undefined,
	f: typeof fetch = fetch,
	opts: { wholeLimit?: number } = {}
): RangeFile {
	let whole: Promise<ArrayBuffer> | null = null;
	let ranged: boolean | null = null;
	let requests = 0;
	let failed = false;

	/** The body, counted as it streams; more than `max` bytes (a whole file): cancelled, thrown. */
	const read = async (res: Response, max: number): Promise<ArrayBuffer> => {
		if (!res.body) return res.arrayBuffer();
		const reader = res.body.getReader();
		const parts: Uint8Array[] = [];
		let n = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			parts.push(value);
			n += value.length;
			onBytes(value.length);
			if (n > max) {
				await reader.cancel();
				throw new NoRangesError(`${url}: the server sends whole files, not ranges`);
			}
		}
		return concat(parts).buffer as ArrayBuffer;
	};

	return {
		byteLength,
		ranged: () => ranged,
		requests: () => requests,
		failed: () => failed,
		async slice(start: number, end: number = byteLength): Promise<ArrayBuffer> {
			try {
				return await get(start, end);
			} catch (e) {
				failed = true;
				throw e;
			}
		}
	};

	async function get(start: number, end: number): Promise<ArrayBuffer> {
		if (whole) return (await whole).slice(start, end);
		if (end <= start) return new ArrayBuffer(0);
		requests++;
		const res = await f(url, { headers: { Range: `bytes=${start}-${end - 1}` } });
		if (res.status === 206) {
			ranged = true;
			const buf = await read(res, Infinity);
			if (buf.byteLength !== end - start)
				throw new Error(`${url}: asked for ${end - start} bytes, got ${buf.byteLength}`);
			return buf;
		}
		if (res.status === 200) {
			ranged = false;
			whole = read(res, opts.wholeLimit ?? Infinity);
			return (await whole).slice(start, end);
		}
		throw new Error(`${url} answered HTTP ${res.status}`);
	}
}

/**
 * Link throughput in kbit/s, measured by range reads of `url`. The rate is timed from the first
 * chunk's arrival to the last: the round trip before the first byte (latency, the server starting
 * to answer, a busy page) says nothing about how fast bytes then flow. A first read of `bytes`
 * (256 KiB) is all a radio link pays (a few Mbit/s). Anything faster than 10 Mbit/s is read
 * further, `fastBytes` (1 MiB) more, and that read decides: a short read on a fast link measures
 * the page's chunk handling more than the link (256 KiB read a localhost Pi as 26–160 Mbit/s
 * while the engine was starting; the read after it, 390–2000). A server without ranges is cut
 * off after as many bytes.
 */
export async function measureLinkKbps(
	url: string,
	bytes = 256 * 1024,
	f: typeof fetch = fetch,
	fastBytes = 1024 * 1024
): Promise<number> {
	const first = await timedRead(url, 0, bytes, f);
	if (first.kbps <= 10_000 || fastBytes <= 0 || first.bytes < bytes) return first.kbps;
	const more = await timedRead(url, bytes, fastBytes, f);
	return more.bytes >= fastBytes / 2 ? more.kbps : first.kbps;
}

/** One range read of `len` bytes from `start`, timed from its first chunk (see measureLinkKbps). */
async function timedRead(
	url: string,
	start: number,
	len: number,
	f: typeof fetch
): Promise<{ kbps: number; bytes: number }> {
	const t0 = performance.now();
	const res = await f(url, { headers: { Range: `bytes=${start}-${start + len - 1}` } });
	if (!res.ok || !res.body) throw new Error(`${url} answered HTTP ${res.status}`);
	const reader = res.body.getReader();
	let n = 0;
	let first = 0;
	let tFirst = 0;
	while (n < len) {
		const { done, value } = await reader.read();
		if (done) break;
		if (!n) [first, tFirst] = [value.length, performance.now()];
		n += value.length;
	}
	const tEnd = performance.now();
	if (n >= len) await reader.cancel().catch(() => undefined);
	// Nearly everything in the first chunk: the whole time (an underestimate, but a fast link).
	if (n - first >= 32 * 1024 && tEnd - tFirst > 0)
		return { kbps: ((n - first) * 8) / Math.max(tEnd - tFirst, 0.05), bytes: n };
	return { kbps: (n * 8) / Math.max(tEnd - t0, 0.5), bytes: n };
}

/** The parts of a streamed body as one array. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
	const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
	let at = 0;
	for (const p of parts) {
		bytes.set(p, at);
		at += p.length;
	}
	return bytes;
}
