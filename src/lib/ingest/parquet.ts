/**
 * Parquet → Arrow IPC for the engine. The npm DuckDB-WASM builds have no parquet extension (it is
 * fetched from the network on first use, impossible offline), so files are decoded here with
 * hyparquet (pure JS, zstd/snappy via hyparquet-compressors) and handed to DuckDB as Arrow.
 * Staged columns are only DOUBLE, VARCHAR and BOOLEAN; timestamps travel as DOUBLE microseconds
 * (exact to 2^53 µs, year 2255) and integers as DOUBLE, and SQL casts them to the contract types.
 */
import { parquetMetadata, parquetMetadataAsync, parquetRead } from 'hyparquet';
import type { AsyncBuffer, FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { sparseAsyncBuffer, type FilePiece, type SparseFile } from './sparse';
import { Table, tableToIPC, type Vector } from 'apache-arrow';
import { isTimestamp, stageVector } from './staging';

/** A column of a contract table, as information_schema reports it. */
export interface ContractColumn {
	name: string;
	type: string;
}

/** What a Parquet file holds, before it is staged. */
export interface ParquetInfo {
	kv: Record<string, string>;
	columns: string[];
	numRows: number;
}

/** Footer only: key-value metadata, top-level column names and row count. Throws if invalid. */
export function parquetInfo(bytes: Uint8Array): ParquetInfo {
	let info = infos.get(bytes);
	if (!info) {
		info = infoOf(parquetMetadata(toArrayBuffer(footerOf(bytes))));
		infos.set(bytes, info);
	}
	return info;
}

// A file's footer is read when its decoding starts ahead (decodeAheadOf) and again when it is
// planned: parsed once per bytes.
const infos = new WeakMap<Uint8Array, ParquetInfo>();

/**
 * The file's tail from its footer on (the whole file when the length field is not sensible, so
 * a broken file fails as before): copying a whole file to read its footer cost 0.7 s of main
 * thread over a 100-hour library.
 */
function footerOf(bytes: Uint8Array): Uint8Array {
	const n = bytes.length;
	if (n < 12) return bytes;
	const len = new DataView(bytes.buffer, bytes.byteOffset + n - 8, 4).getUint32(0, true);
	return len + 12 <= n ? bytes.subarray(n - len - 8) : bytes;
}

/**
 * The footer of a file read by ranges, and what it holds (one read of its last 16 KiB, usually).
 * `footer` keeps the bytes read, so a worker can parse the footer again without the network.
 */
export async function parquetInfoAsync(
	file: AsyncBuffer
): Promise<ParquetInfo & { metadata: FileMetaData; footer: FilePiece[] }> {
	const footer: FilePiece[] = [];
	const recorded: AsyncBuffer = {
		byteLength: file.byteLength,
		async slice(start: number, end: number = file.byteLength) {
			const buf = await file.slice(start, end);
			footer.push({ offset: start, bytes: new Uint8Array(buf) });
			return buf;
		}
	};
	const metadata = await parquetMetadataAsync(recorded, { initialFetchSize: 16 * 1024 });
	return { ...infoOf(metadata), metadata, footer };
}

/**
 * The footer of a file read by ranges, from its last bytes fetched beforehand (`tail`, starting
 * at byte `at`: the footer's length and position known from a fleet archive's index).
 */
export function parquetInfoOfTail(
	tail: Uint8Array,
	at: number
): ParquetInfo & { metadata: FileMetaData; footer: FilePiece[] } {
	const metadata = parquetMetadata(toArrayBuffer(tail));
	return { ...infoOf(metadata), metadata, footer: [{ offset: at, bytes: tail }] };
}

/**
 * The byte span holding the column chunks of `columns` (all row groups, or row groups
 * `groups[0]`..`groups[1]`): what a range reader must fetch to decode them. Null when none is.
 */
export function columnSpan(
	meta: FileMetaData,
	columns: string[],
	groups?: [number, number]
): [number, number] | null {
	let lo = Infinity;
	let hi = -Infinity;
	const within = groups ? meta.row_groups.slice(groups[0], groups[1] + 1) : meta.row_groups;
	for (const g of within)
		for (const c of g.columns) {
			const m = c.meta_data;
			if (!m || !columns.includes(m.path_in_schema[0] ?? '')) continue;
			const start = Number(m.dictionary_page_offset || m.data_page_offset);
			lo = Math.min(lo, start);
			hi = Math.max(hi, start + Number(m.total_compressed_size));
		}
	return Number.isFinite(lo) ? [lo, hi] : null;
}

/**
 * Bytes [start, end) of `file`, fetched in one request once `after` settles (`done` settles
 * with them, failed or not). Chaining the spans of a folder's files in the order they are
 * decoded keeps the link busy with the next table while this one decodes.
 */
export function prefetched(
	file: AsyncBuffer,
	[start, end]: [number, number],
	after: Promise<unknown>
): { piece: Promise<FilePiece>; done: Promise<unknown> } {
	const piece = after.then(async () => ({
		offset: start,
		bytes: new Uint8Array(await file.slice(start, end))
	}));
	return { piece, done: piece.catch(() => undefined) };
}

/**
 * `parquetToIpc` over the pieces of a file read by ranges (its footer and the column chunks of
 * `columns`): the footer is parsed again from its bytes, nothing is fetched. What a decoding
 * worker runs for ingestRanged (remote.ts).
 */
export async function piecesToIpc(
	file: SparseFile,
	columns: ContractColumn[]
): Promise<Uint8Array> {
	const buf = sparseAsyncBuffer(file);
	// The last 8 bytes give the footer's length, then the footer itself: two reads of the pieces.
	const metadata = await parquetMetadataAsync(buf, { initialFetchSize: 8 });
	return parquetToIpc(buf, columns, metadata);
}

function infoOf(meta: FileMetaData): ParquetInfo {
	const kv: Record<string, string> = {};
	for (const e of meta.key_value_metadata ?? []) kv[e.key] = e.value ?? '';
	// schema[0] is the root; its direct children are the top-level columns.
	const root = meta.schema[0];
	const columns = meta.schema.slice(1, 1 + (root?.num_children ?? 0)).map((s) => s.name);
	return { kv, columns, numRows: Number(meta.num_rows) };
}

/**
 * Decode `columns` of the file column by column (hyparquet's onChunk: no per-row objects) and
 * encode them as one Arrow IPC stream, typed for staging. Numbers go straight into Float64Arrays
 * with a validity bitmap; this is ~4× faster than decoding rows as objects.
 */
export async function parquetToIpc(
	src: Uint8Array | AsyncBuffer,
	columns: ContractColumn[],
	known?: FileMetaData,
	rows?: [number, number]
): Promise<Uint8Array> {
	// Bytes in memory, or a file read by ranges: hyparquet then fetches only the footer (unless
	// `known`) and the chunks of `columns`, coalesced into a few requests.
	const file = src instanceof Uint8Array ? toArrayBuffer(src) : src;
	const metadata =
		known ??
		(file instanceof ArrayBuffer ? parquetMetadata(file) : await parquetMetadataAsync(file));
	// `rows`: only rows [start, end) (a fleet archive's row groups of one mission), read by ranges.
	const [first, end] = rows ?? [0, Number(metadata.num_rows)];
	const numRows = end - first;
	const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>();
	await parquetRead({
		file,
		metadata,
		rowStart: first,
		rowEnd: end,
		columns: columns.map((c) => c.name),
		compressors,
		// Keep timestamps as µs (the default Date would drop microseconds).
		parsers: {
			timestampFromMicroseconds: (us: bigint) => us,
			timestampFromMilliseconds: (ms: bigint) => ms * 1000n,
			timestampFromNanoseconds: (ns: bigint) => ns / 1000n
		},
		onChunk: (c) => {
			const list = chunks.get(c.columnName) ?? [];
			list.push({ rowStart: c.rowStart - first, data: c.columnData as ArrayLike<unknown> });
			chunks.set(c.columnName, list);
		}
	});
	const vectors: Record<string, Vector> = {};
	for (const c of columns) {
		const parts = (chunks.get(c.name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
		vectors[c.name] = stageVector(parts, numRows, c.type);
	}
	return tableToIPC(new Table(vectors), 'stream');
}

/**
 * SQL that turns a staged column into its contract type (identifier already allow-listed).
 * `typed`: the column carries the file's own type (parquet-wasm), a plain CAST; otherwise the
 * staging types (times as DOUBLE µs).
 */
export function unstageExpr(c: ContractColumn, typed = false): string {
	const id = `"${c.name}"`;
	if (!typed && isTimestamp(c.type))
		return `make_timestamp(CAST(${id} AS BIGINT))::TIMESTAMPTZ AS ${id}`;
	return `CAST(${id} AS ${c.type}) AS ${id}`;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
