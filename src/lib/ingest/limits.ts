/** What the tab can hold, checked before any bytes are read. */
import { IngestError } from './notes';

/**
 * Largest file accepted by default: 512 MiB. DuckDB-WASM has at most 4 GiB of memory; a file is
 * held once as bytes and again decoded (Parquet decodes to several times its size), so larger
 * files risk the tab running out of memory mid-load, which is worse than a clear refusal.
 */
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 3 : 0)} MiB`;

/** Throw an IngestError when `size` exceeds `maxBytes` (which file, how big, what to do). */
export function checkSize(file: string, size: number, maxBytes = DEFAULT_MAX_BYTES): void {
	if (size <= maxBytes) return;
	throw new IngestError(
		file,
		`${file} is ${mib(size)}, more than this tab can hold (${mib(maxBytes)})`,
		'Split the log into shorter missions (e.g. export one session at a time), or open it with native DuckDB.'
	);
}

/** The error for a 0-byte file. */
export function emptyFile(file: string): IngestError {
	return new IngestError(
		file,
		`${file} is empty (0 bytes)`,
		'The copy or download did not finish: copy the file from the Pi again.'
	);
}

/** A file named like a database whose bytes are neither SQLite nor DuckDB. */
export function notDatabase(file: string, bytes: Uint8Array): IngestError {
	const start = new TextDecoder().decode(bytes.subarray(0, 24)).replace(/[^\x20-\x7e]/g, '·');
	return new IngestError(
		file,
		`${file} is named like a database but is neither SQLite nor DuckDB (it starts with "${start}")`,
		"Check that you chose the Pi's pisad.db or a mission .duckdb; a file renamed, or copied while it was written, looks like this."
	);
}
