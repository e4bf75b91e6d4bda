/**
 * The ONE place Arrow results become plain JS rows. Both engines (browser worker, Node) return
 * apache-arrow Tables; every query wrapper gets its rows from here, so type rules live here only:
 *
 * - TIMESTAMP / TIMESTAMPTZ → epoch milliseconds (number); microseconds kept as the fraction.
 * - DATE → epoch milliseconds at UTC midnight.
 * - BIGINT / HUGEINT / UBIGINT → number. Exact up to 2^53 (9.0e15); beyond that the nearest
 *   double (our counts, seqs and seeds stay far below). The engines are opened with
 *   castBigIntToDouble, so BIGINT usually arrives as DOUBLE already.
 * - DECIMAL → number (scaled), NULL → null, LIST → array, STRUCT → object, MAP → object
 *   (keys as strings), BOOLEAN → boolean, VARCHAR → string, DOUBLE NaN stays NaN.
 * - BLOB → string decoded as UTF-8 (what we store in BLOBs is text, e.g. Parquet kv metadata).
 * - INTERVAL and other rare types → their string form, so nothing throws.
 */
import { Type, util, type DataType, type Field, type Table, type Vector } from 'apache-arrow';
import type { SqlValue } from './types';

type Convert = (v: unknown) => SqlValue;

const utf8 = new TextDecoder();

/** Convert an Arrow table (from either engine) to typed rows. T is trusted, not checked. */
export function arrowToRows<T = Record<string, SqlValue>>(table: Table): T[] {
	const fields = table.schema.fields;
	const columns = fields.map((f, j) => ({
		name: f.name,
		vector: table.getChildAt(j) as Vector | null,
		convert: converterFor(f.type)
	}));
	const rows: Record<string, SqlValue>[] = new Array<Record<string, SqlValue>>(table.numRows);
	for (let i = 0; i < table.numRows; i++) rows[i] = {};
	for (const col of columns) {
		const { vector, convert, name } = col;
		for (let i = 0; i < table.numRows; i++) {
			const row = rows[i] as Record<string, SqlValue>;
			row[name] = vector ? convert(vector.get(i)) : null;
		}
	}
	return rows as T[];
}

/** Build a converter once per column type (not per value) so big results stay fast. */
export function converterFor(type: DataType): Convert {
	switch (type.typeId) {
		case Type.Timestamp:
			return nullable(timestampToMs(unitDivisor((type as unknown as { unit: number }).unit)));
		case Type.Date:
			return nullable((v) => (v instanceof Date ? v.getTime() : toNumber(v)));
		case Type.Int:
		case Type.Float:
			return nullable(toNumber);
		case Type.Decimal: {
			const scale = (type as unknown as { scale: number }).scale;
			return nullable((v) => decimalToNumber(v, scale));
		}
		case Type.Bool:
			return nullable((v) => Boolean(v));
		case Type.Utf8:
		case Type.LargeUtf8:
			return nullable((v) => String(v));
		case Type.Binary:
		case Type.LargeBinary:
		case Type.FixedSizeBinary:
			return nullable((v) => (v instanceof Uint8Array ? utf8.decode(v) : String(v)));
		case Type.Dictionary: {
			const inner = converterFor((type as unknown as { dictionary: DataType }).dictionary);
			return nullable(inner);
		}
		case Type.List:
		case Type.FixedSizeList: {
			const child = converterFor((type.children[0] as Field).type);
			return nullable((v) => Array.from(v as Iterable<unknown>, child));
		}
		case Type.Struct:
			return nullable(structConverter(type.children as Field[]));
		case Type.Map:
			return nullable(mapConverter(type.children[0] as Field));
		default:
			return nullable((v) => (typeof v === 'bigint' ? Number(v) : String(v)));
	}
}

function nullable(f: Convert): Convert {
	return (v) => (v === null || v === undefined ? null : f(v));
}

function toNumber(v: unknown): number {
	return typeof v === 'bigint' ? Number(v) : Number(v);
}

/** Arrow TimeUnit: SECOND=0, MILLISECOND=1, MICROSECOND=2, NANOSECOND=3. */
function unitDivisor(unit: number): number {
	return [1 / 1000, 1, 1000, 1_000_000][unit] ?? 1;
}

/**
 * apache-arrow 17 already returns a number of ms for timestamps (µs as the fraction); a raw
 * bigint (other versions or paths) is scaled by the unit here.
 */
function timestampToMs(divisor: number): Convert {
	return (v) => {
		if (typeof v === 'bigint') {
			const whole = v / BigInt(Math.max(1, divisor));
			const rest = v - whole * BigInt(Math.max(1, divisor));
			return divisor >= 1 ? Number(whole) + Number(rest) / divisor : Number(v) / divisor;
		}
		if (v instanceof Date) return v.getTime();
		return Number(v);
	};
}

/** DECIMAL arrives as an unscaled big number (Uint32 words) or a number when cast to DOUBLE. */
function decimalToNumber(v: unknown, scale: number): number {
	if (typeof v === 'number') return v;
	if (typeof v === 'bigint') return Number(v) / 10 ** scale;
	if (v instanceof Uint32Array)
		return util.bigNumToNumber(v as unknown as Parameters<typeof util.bigNumToNumber>[0], scale);
	return Number(String(v)) / 10 ** scale;
}

function structConverter(children: Field[]): Convert {
	const parts = children.map((f) => ({ name: f.name, convert: converterFor(f.type) }));
	return (v) => {
		const src = v as Record<string, unknown>;
		const out: { [key: string]: SqlValue } = {};
		for (const p of parts) {
			const x = src[p.name];
			out[p.name] = x === null || x === undefined ? null : p.convert(x);
		}
		return out;
	};
}

function mapConverter(entries: Field): Convert {
	const [keyField, valueField] = entries.type.children as Field[];
	const value = valueField ? converterFor(valueField.type) : (x: unknown) => String(x);
	void keyField;
	return (v) => {
		const out: { [key: string]: SqlValue } = {};
		for (const [k, x] of v as Iterable<[unknown, unknown]>) out[String(k)] = value(x);
		return out;
	};
}
