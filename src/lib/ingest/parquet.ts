/**
 * Parquet → Arrow IPC for the engine. The npm DuckDB-WASM builds have no parquet extension (it is
 * fetched from the network on first use, impossible offline), so files are decoded here with
 * hyparquet (pure JS, zstd/snappy via hyparquet-compressors) and handed to DuckDB as Arrow.
 * Staged columns are only DOUBLE, VARCHAR and BOOLEAN; timestamps travel as DOUBLE microseconds
 * (exact to 2^53 µs, year 2255) and integers as DOUBLE, and SQL casts them to the contract types.
 */
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

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
	const meta = parquetMetadata(toArrayBuffer(bytes));
	const kv: Record<string, string> = {};
	for (const e of meta.key_value_metadata ?? []) kv[e.key] = e.value ?? '';
	// schema[0] is the root; its direct children are the top-level columns.
	const root = meta.schema[0];
	const columns = meta.schema.slice(1, 1 + (root?.num_children ?? 0)).map((s) => s.name);
	return { kv, columns, numRows: Number(meta.num_rows) };
}

/** Decode `columns` of the file and encode them as one Arrow IPC stream (typed for staging). */
export async function parquetToIpc(
	bytes: Uint8Array,
	columns: ContractColumn[]
): Promise<Uint8Array> {
	const rows = (await parquetReadObjects({
		file: toArrayBuffer(bytes),
		columns: columns.map((c) => c.name),
		compressors,
		// Keep timestamps as µs (the default Date would drop microseconds).
		parsers: {
			timestampFromMicroseconds: (us: bigint) => us,
			timestampFromMilliseconds: (ms: bigint) => ms * 1000n,
			timestampFromNanoseconds: (ns: bigint) => ns / 1000n
		}
	})) as Record<string, unknown>[];
	const vectors: Record<string, Vector> = {};
	for (const c of columns)
		vectors[c.name] = stageVector(
			rows.map((r) => r[c.name]),
			c.type
		);
	return tableToIPC(new Table(vectors), 'stream');
}

/** SQL that turns a staged column back into its contract type (identifier already allow-listed). */
export function unstageExpr(c: ContractColumn): string {
	const id = `"${c.name}"`;
	if (isTimestamp(c.type)) return `make_timestamp(CAST(${id} AS BIGINT))::TIMESTAMPTZ AS ${id}`;
	return `CAST(${id} AS ${c.type}) AS ${id}`;
}

function stageVector(values: unknown[], type: string): Vector {
	if (type === 'BOOLEAN') return vectorFromArray(values.map(toBool), new Bool());
	if (type === 'VARCHAR') return vectorFromArray(values.map(toText), new Utf8());
	if (isTimestamp(type)) return vectorFromArray(values.map(toMicros), new Float64());
	return vectorFromArray(values.map(toNum), new Float64());
}

function isTimestamp(type: string): boolean {
	return type.startsWith('TIMESTAMP');
}

function toNum(v: unknown): number | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'boolean') return v ? 1 : 0;
	const n = Number(v);
	return Number.isNaN(n) && typeof v !== 'number' ? null : n;
}

function toMicros(v: unknown): number | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (v instanceof Date) return v.getTime() * 1000;
	if (typeof v === 'string') return Date.parse(v) * 1000;
	return Number(v);
}

function toText(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	return typeof v === 'string' ? v : typeof v === 'bigint' ? v.toString() : JSON.stringify(v);
}

function toBool(v: unknown): boolean | null {
	return v === null || v === undefined ? null : Boolean(v);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
