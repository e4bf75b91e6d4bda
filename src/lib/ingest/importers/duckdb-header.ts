/**
 * A .duckdb file's main header, checked before ATTACH: a file written by another storage format
 * fails inside the engine with a checksum or serialization message that says nothing useful.
 * Layout (DuckDB storage): 8-byte checksum, magic "DUCK" at offset 8, u64 version at offset 12.
 */
import { IngestError } from '../notes';

/** The storage version DuckDB 0.10 … 1.4 reads and writes (the engine in this app is 1.4.3). */
export const STORAGE_VERSION = 64;

/** Storage versions of older releases, to tell the user which DuckDB wrote the file. */
const RELEASES: Record<number, string> = { 39: '0.6', 43: '0.7', 51: '0.8 or 0.9' };

/** True when the bytes start like a DuckDB database. */
export function isDuckDbFile(bytes: Uint8Array): boolean {
	return bytes.length >= 20 && String.fromCharCode(...bytes.subarray(8, 12)) === 'DUCK';
}

/** Throw a clear IngestError when the file's storage version is not the one this engine reads. */
export function checkStorageVersion(file: string, bytes: Uint8Array): void {
	if (!isDuckDbFile(bytes)) return;
	const version = Number(
		new DataView(bytes.buffer, bytes.byteOffset + 12, 8).getBigUint64(0, true)
	);
	if (version === STORAGE_VERSION) return;
	const who = RELEASES[version]
		? `DuckDB ${RELEASES[version]}`
		: version > STORAGE_VERSION
			? 'a newer DuckDB'
			: 'an older DuckDB';
	throw new IngestError(
		file,
		`${file} was written by ${who} (storage version ${version}); this app reads storage version ${STORAGE_VERSION} (DuckDB 0.10 to 1.4)`,
		`Open it with that DuckDB and run EXPORT DATABASE 'backup' (FORMAT PARQUET), then drop the backup folder here.`
	);
}
