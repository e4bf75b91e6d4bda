/**
 * Arrow IPC streams of one schema laid end to end as one stream, at the byte level: the first
 * stream without its end marker, then each other stream's record batches (its schema message
 * skipped), then one end marker. Decoding the streams and encoding them again (apache-arrow's
 * tableFromIPC and tableToIPC) cost 60–130 ms of the page's main thread per table and batch of a
 * library import; copying bytes costs a few. Only for streams without dictionaries (the writer's
 * exact streams: plain Utf8 strings); anything unexpected gives null and the caller re-encodes.
 */

const CONTINUATION = 0xffffffff;

/** Byte length of the stream's first message (its schema), or null if not framed as expected. */
function schemaLength(s: Uint8Array): number | null {
	if (s.length < 8) return null;
	const v = new DataView(s.buffer, s.byteOffset, s.byteLength);
	if (v.getUint32(0, true) !== CONTINUATION) return null;
	const len = v.getInt32(4, true);
	return len > 0 && 8 + len <= s.length ? 8 + len : null;
}

/** Message header types (Arrow's Message.fbs). */
const SCHEMA = 1;
const RECORD_BATCH = 3;

/**
 * Walk the stream's messages: the byte length before its end-of-stream marker when it is one
 * schema followed by record batches only (no dictionary batches), else null.
 */
function bodyEnd(s: Uint8Array): number | null {
	const v = new DataView(s.buffer, s.byteOffset, s.byteLength);
	let at = 0;
	for (let k = 0; at + 8 <= s.length; k++) {
		if (v.getUint32(at, true) !== CONTINUATION) return null;
		const len = v.getInt32(at + 4, true);
		if (len === 0) return at + 8 === s.length ? at : null;
		const meta = at + 8;
		if (len < 0 || meta + len > s.length) return null;
		const message = header(v, meta, len);
		if (!message || message.type !== (k === 0 ? SCHEMA : RECORD_BATCH)) return null;
		at = meta + len + message.bodyLength;
	}
	return null;
}

/** The header type and body length of a Message flatbuffer at `at` (`len` bytes). */
function header(v: DataView, at: number, len: number): { type: number; bodyLength: number } | null {
	const table = at + v.getUint32(at, true);
	if (table + 4 > at + len) return null;
	const vtable = table - v.getInt32(table, true);
	if (vtable < at || vtable + 4 > at + len) return null;
	const vtSize = v.getUint16(vtable, true);
	const field = (i: number): number =>
		4 + 2 * i < vtSize ? v.getUint16(vtable + 4 + 2 * i, true) : 0;
	// Fields: 0 version (short), 1 header_type (ubyte), 2 header, 3 bodyLength (long).
	const type = field(1) ? v.getUint8(table + field(1)) : 0;
	const body = field(3) ? Number(v.getBigInt64(table + field(3), true)) : 0;
	return { type, bodyLength: body };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/** One stream holding every stream's record batches, or null when they cannot be joined so. */
export function concatStreams(streams: readonly Uint8Array[]): Uint8Array | null {
	const first = streams[0];
	if (!first) return null;
	if (streams.length === 1) return first;
	const head = schemaLength(first);
	if (head === null) return null;
	const schema = first.subarray(0, head);
	const pieces: Uint8Array[] = [];
	for (const s of streams) {
		const end = bodyEnd(s);
		if (end === null || schemaLength(s) !== head || !sameBytes(s.subarray(0, head), schema))
			return null;
		pieces.push(s === first ? s.subarray(0, end) : s.subarray(head, end));
	}
	const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0) + 8);
	let at = 0;
	for (const p of pieces) {
		out.set(p, at);
		at += p.length;
	}
	new DataView(out.buffer).setUint32(at, CONTINUATION, true);
	return out;
}
