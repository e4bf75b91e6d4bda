/**
 * The one shape of a file in memory, from a drop, a fetch, a zip or a test, and the path helpers
 * every reader shares. A folder keeps its relative path (`m1/rssi_sample.parquet`): one folder is
 * one mission's tables.
 */
import type { AsyncBuffer } from 'hyparquet';

/** A file by name, its bytes in memory. */
export interface NamedBytes {
	name: string;
	bytes: Uint8Array;
	/**
	 * The file on disk the bytes were read from (a picked file), when there is one: it is
	 * stored as it is (see bodyOf).
	 */
	blob?: Blob;
}

/**
 * A file's body for hashing and storing: the picked file itself where there is one of the same
 * size (a worker hashes it and OPFS copies it without the page's main thread handling the
 * bytes: 344 MB at 100 hours), else the bytes.
 */
export function bodyOf(f: NamedBytes): Uint8Array | Blob {
	return f.blob && f.blob.size === f.bytes.length ? f.blob : f.bytes;
}

/**
 * A file by name read lazily by ranges (a Pi's mission over HTTP): the only other file shape.
 * Each slice must be a buffer of its own: it may be handed over to a decoding worker.
 */
export interface RangedFile<F extends AsyncBuffer = AsyncBuffer> {
	name: string;
	file: F;
}

/** The folder part of a path ('' at the top level). */
export function dirOf(name: string): string {
	return name.slice(0, Math.max(0, name.lastIndexOf('/')));
}

/** The last path segment, with its extension. */
export function fileOf(name: string): string {
	return name.slice(name.lastIndexOf('/') + 1);
}

/** The bytes as UTF-8 text. */
export function textOf(f: NamedBytes): string {
	return new TextDecoder().decode(f.bytes);
}
