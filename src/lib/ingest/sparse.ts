/**
 * A file of which only some byte ranges are at hand, as hyparquet's AsyncBuffer. A mission
 * table read by ranges (ingestRanged) goes to a decoding worker this way: the page
 * fetches the footer and the span of the needed column chunks, and the worker decodes from
 * those pieces without any network access of its own. Plain data, so it can be posted.
 */
import type { AsyncBuffer } from 'hyparquet';

/** Bytes of a file starting at `offset`. */
export interface FilePiece {
	offset: number;
	bytes: Uint8Array;
}

export interface SparseFile {
	/** Named in errors. */
	name: string;
	byteLength: number;
	/** In any order; they may touch or overlap. */
	pieces: FilePiece[];
}

/**
 * An AsyncBuffer over the pieces: a slice inside one piece is cut from it, one across pieces
 * that touch or overlap is put together from them, and one reaching a byte of no piece throws
 * (it never fetches: the caller chose the pieces so that a read outside them is a bug).
 */
export function sparseAsyncBuffer(file: SparseFile): AsyncBuffer {
	const pieces = [...file.pieces].sort((a, b) => a.offset - b.offset);
	const { byteLength, name } = file;
	/** The piece holding byte `at` that reaches furthest, if any. */
	const holding = (at: number): FilePiece | undefined => {
		let best: FilePiece | undefined;
		for (const p of pieces) {
			if (p.offset > at) break;
			if (p.offset + p.bytes.length > at && (!best || end(p) > end(best))) best = p;
		}
		return best;
	};
	const end = (p: FilePiece): number => p.offset + p.bytes.length;
	const slice = (start: number, stop: number = byteLength): ArrayBuffer => {
		if (start < 0 || stop > byteLength || !Number.isInteger(start) || !Number.isInteger(stop))
			throw new RangeError(
				`${name}: bytes ${start}–${stop} asked for, outside the file (${byteLength} bytes)`
			);
		if (stop <= start) return new ArrayBuffer(0);
		const first = holding(start);
		if (first && end(first) >= stop) {
			const from = first.bytes.byteOffset + (start - first.offset);
			return first.bytes.buffer.slice(from, from + (stop - start)) as ArrayBuffer;
		}
		const out = new Uint8Array(stop - start);
		let at = start;
		while (at < stop) {
			const p = holding(at);
			if (!p)
				throw new Error(
					`${name}: bytes ${at}–${stop} were not fetched (only the footer and the needed column chunks were); this is a bug in the range reader`
				);
			const upto = Math.min(stop, end(p));
			out.set(p.bytes.subarray(at - p.offset, upto - p.offset), at - start);
			at = upto;
		}
		return out.buffer;
	};
	return {
		byteLength,
		slice: (start, stop) => {
			try {
				return Promise.resolve(slice(start, stop));
			} catch (e) {
				return Promise.reject(e);
			}
		}
	};
}
