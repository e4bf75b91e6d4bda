/**
 * Staging columns: decoded Parquet values → the three Arrow column types the engine is handed
 * (DOUBLE, VARCHAR, BOOLEAN); timestamps become DOUBLE microseconds, integers DOUBLE. SQL casts
 * them back to the contract types (unstageExpr in ./parquet).
 */
import {
	Bool,
	Float64,
	Utf8,
	makeData,
	makeVector,
	vectorFromArray,
	type Vector
} from 'apache-arrow';

/** One staged Arrow column (DOUBLE, VARCHAR or BOOLEAN) from a column's decoded chunks. */
export function stageVector(
	parts: { rowStart: number; data: ArrayLike<unknown> }[],
	length: number,
	type: string
): Vector {
	if (type === 'BOOLEAN') return vectorFromArray(flatten(parts, length, toBool), new Bool());
	if (type === 'VARCHAR') return vectorFromArray(flatten(parts, length, toText), new Utf8());
	return float64Vector(parts, length, isTimestamp(type) ? toMicros : toNum);
}

/** Concatenate chunks into one array of converted values (missing rows become null). */
function flatten<T>(
	parts: { rowStart: number; data: ArrayLike<unknown> }[],
	length: number,
	convert: (v: unknown) => T | null
): (T | null)[] {
	const out = new Array<T | null>(length).fill(null);
	for (const { rowStart, data } of parts) {
		const n = Math.min(data.length, length - rowStart);
		for (let i = 0; i < n; i++) out[rowStart + i] = convert(data[i]);
	}
	return out;
}

/** A Float64 column built in place: values in a Float64Array, nulls in a validity bitmap. */
function float64Vector(
	parts: { rowStart: number; data: ArrayLike<unknown> }[],
	length: number,
	convert: (v: unknown) => number | null
): Vector {
	const values = new Float64Array(length);
	const valid = new Uint8Array((length + 7) >> 3);
	let nulls = length;
	for (const { rowStart, data } of parts) {
		const n = Math.min(data.length, length - rowStart);
		for (let i = 0; i < n; i++) {
			const v = convert(data[i]);
			if (v === null) continue;
			const row = rowStart + i;
			values[row] = v;
			valid[row >> 3]! |= 1 << (row & 7);
			nulls--;
		}
	}
	return makeVector(
		makeData({ type: new Float64(), length, nullCount: nulls, data: values, nullBitmap: valid })
	);
}

/** Contract types that travel as DOUBLE microseconds. */
export function isTimestamp(type: string): boolean {
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
