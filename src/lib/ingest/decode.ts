/**
 * One Parquet decode, in a worker or in this thread: parquet-wasm first (13× the JS path, and the
 * file's own types, so the writer casts nothing back), the JS decoder (hyparquet, staging types)
 * for what the wasm cannot read or where a column's type would not cast to the contract's (a time
 * stored as a bare INT64). A corrupt file fails in both, and the JS decoder's message names
 * what is wrong, as before. Measured figures: docs/parquet-decoding.md.
 */
import { RecordBatchReader, Type, type DataType } from 'apache-arrow';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { parquetToIpc, piecesToIpc, type ContractColumn } from './parquet';
import { initParquetWasm, parquetWasmToIpc } from './parquet-wasm';
import type { SparseFile } from './sparse';

/**
 * An Arrow IPC stream for the writer; `typed`: columns carry the file's own types; `exact`: its
 * fields are the asked columns in their order with the contract's own types, so the rows can be
 * appended to the contract table as they are (no stage table, no INSERT … SELECT).
 */
export interface Staged {
	ipc: Uint8Array;
	typed: boolean;
	exact?: boolean;
}

let wasm: Promise<boolean> | null = null;

/** True once parquet-wasm runs in this thread (instantiated from the app's own asset). */
function wasmReady(): Promise<boolean> {
	wasm ??= initParquetWasm(new URL(wasmUrl, import.meta.url)).then(
		() => true,
		() => false
	);
	return wasm;
}

/** Decode `columns` of a whole file. */
export async function decodeFile(bytes: Uint8Array, columns: ContractColumn[]): Promise<Staged> {
	const typed = await typedIpc(bytes, columns);
	return typed ?? { ipc: await parquetToIpc(bytes, columns), typed: false };
}

/** Decode `columns` from the fetched pieces of a file read by ranges (footer + column chunks). */
export async function decodePieces(file: SparseFile, columns: ContractColumn[]): Promise<Staged> {
	// The pieces laid at their offsets; the bytes between them are never read (only the footer
	// and the chunks of `columns` are).
	const whole = new Uint8Array(file.byteLength);
	for (const p of file.pieces) whole.set(p.bytes, p.offset);
	const typed = await typedIpc(whole, columns);
	return typed ?? { ipc: await piecesToIpc(file, columns), typed: false };
}

/**
 * Every column of a whole file as Arrow IPC with the file's own types (LIST and STRUCT too): a
 * fleet archive's manifest (missions.parquet). Null when parquet-wasm cannot run or read it.
 */
export async function decodeAllTyped(bytes: Uint8Array): Promise<Uint8Array | null> {
	if (!(await wasmReady())) return null;
	return parquetWasmToIpc(bytes);
}

/**
 * Decode `columns` of some row groups from the pieces of a file read by ranges (its footer and
 * those row groups' column chunks), or only `rows` of them: a fleet archive's mission. Null when
 * parquet-wasm cannot run or the types would not cast (the caller then decodes the rows with
 * hyparquet).
 */
export async function decodeRowGroups(
	file: SparseFile,
	columns: ContractColumn[],
	rowGroups: number[],
	rows?: { offset: number; limit: number }
): Promise<Staged | null> {
	if (!(await wasmReady())) return null;
	const whole = new Uint8Array(file.byteLength);
	for (const p of file.pieces) whole.set(p.bytes, p.offset);
	try {
		const ipc = await parquetWasmToIpc(
			whole,
			columns.map((c) => c.name),
			rowGroups,
			rows
		);
		return fits(ipc, columns);
	} catch {
		return null;
	}
}

async function typedIpc(bytes: Uint8Array, columns: ContractColumn[]): Promise<Staged | null> {
	if (!(await wasmReady())) return null;
	try {
		const ipc = await parquetWasmToIpc(
			bytes,
			columns.map((c) => c.name)
		);
		return fits(ipc, columns);
	} catch {
		return null;
	}
}

/** The Arrow type a contract type is appended from as it is. */
const EXACT: Record<string, (t: DataType) => boolean> = {
	VARCHAR: (t) => t.typeId === Type.Utf8,
	BOOLEAN: (t) => t.typeId === Type.Bool,
	DOUBLE: (t) => t.typeId === Type.Float && String(t) === 'Float64',
	BIGINT: (t) => t.typeId === Type.Int && String(t) === 'Int64',
	INTEGER: (t) => t.typeId === Type.Int && String(t) === 'Int32',
	TIMESTAMPTZ: (t) => t.typeId === Type.Timestamp && String(t) === 'Timestamp<MICROSECOND, UTC>'
};

/** The decoded stream as Staged when every column casts to its contract type; else null. */
function fits(ipc: Uint8Array, columns: ContractColumn[]): Staged | null {
	const reader = RecordBatchReader.from(ipc);
	reader.open();
	const fields = reader.schema.fields;
	reader.cancel();
	if (!castable(fields, columns)) return null;
	const exact =
		fields.length === columns.length &&
		columns.every((c, i) => {
			const f = fields[i];
			const is = EXACT[c.type === 'TIMESTAMP WITH TIME ZONE' ? 'TIMESTAMPTZ' : c.type];
			return f?.name === c.name && !!is && is(f.type as DataType);
		});
	return { ipc, typed: true, exact };
}

/** Every column's Arrow type casts to its contract type in SQL (a plain CAST). */
function castable(fields: { name: string; type: DataType }[], columns: ContractColumn[]): boolean {
	const types = new Map(fields.map((f) => [f.name, f.type]));
	return columns.every((c) => {
		const t = types.get(c.name);
		if (!t) return false;
		if (c.type.startsWith('TIMESTAMP')) return t.typeId === Type.Timestamp;
		if (c.type === 'BOOLEAN') return t.typeId === Type.Bool;
		if (c.type === 'VARCHAR') return true;
		return [Type.Int, Type.Float, Type.Decimal, Type.Bool].includes(t.typeId);
	});
}
