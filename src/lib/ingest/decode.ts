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

/** An Arrow IPC stream for the writer; `typed`: columns carry the file's own types. */
export interface Staged {
	ipc: Uint8Array;
	typed: boolean;
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
 * those row groups' column chunks), or only `rows` of them: a fleet archive's mission. Null when parquet-wasm cannot run
 * or the types would not cast (the caller then decodes the rows with hyparquet).
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
		return castable(ipc, columns) ? { ipc, typed: true } : null;
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
		return castable(ipc, columns) ? { ipc, typed: true } : null;
	} catch {
		return null;
	}
}

/** Every column's Arrow type casts to its contract type in SQL (a plain CAST). */
function castable(ipc: Uint8Array, columns: ContractColumn[]): boolean {
	const reader = RecordBatchReader.from(ipc);
	reader.open();
	const types = new Map(reader.schema.fields.map((f) => [f.name, f.type as DataType]));
	reader.cancel();
	return columns.every((c) => {
		const t = types.get(c.name);
		if (!t) return false;
		if (c.type.startsWith('TIMESTAMP')) return t.typeId === Type.Timestamp;
		if (c.type === 'BOOLEAN') return t.typeId === Type.Bool;
		if (c.type === 'VARCHAR') return true;
		return [Type.Int, Type.Float, Type.Decimal, Type.Bool].includes(t.typeId);
	});
}
