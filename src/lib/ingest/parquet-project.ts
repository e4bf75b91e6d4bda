/**
 * Column projection for parquet-wasm's `readParquet`, which decodes every column of a file
 * whatever `columns` asks (0.8.0 ignores the option; only its Blob reader honours it, and read
 * from a picked file that took twice the workers' time at 100 hours: each range is a read
 * through the browser). Here the file keeps its bytes and gets a new footer that names only the
 * asked columns: their chunks stay where they are, so the footer's offsets still hold, and the
 * other columns' chunks are never decompressed. A library import asks for 4 of rssi_sample's 14
 * columns and 7 of vehicle_telemetry's 26 (state/library-keep.ts).
 */
import { parquetMetadata, type FileMetaData } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';

/**
 * `bytes` with a footer naming only `columns` (flat schemas only), or null when the file holds
 * nothing else, is nested, or its footer cannot be read (the caller decodes the whole file), or
 * 'empty' when it has no row groups: their empty list is written with a byte element type
 * (hyparquet-writer guesses the type from the first element), which parquet-wasm refuses, and
 * then the whole file, which is only a footer, is decoded and its columns selected.
 */
export function projectParquet(
	bytes: Uint8Array,
	columns: readonly string[]
): Uint8Array | 'empty' | null {
	const n = bytes.length;
	if (n < 12) return null;
	const len = new DataView(bytes.buffer, bytes.byteOffset + n - 8, 4).getUint32(0, true);
	if (len + 12 > n) return null;
	const start = n - 8 - len;
	let meta: FileMetaData;
	try {
		meta = parquetMetadata(bytes.slice(start).buffer);
	} catch {
		return null;
	}
	const [root, ...leaves] = meta.schema;
	if (!root || leaves.some((e) => e.num_children)) return null;
	const keep = new Set(columns);
	const kept = leaves.filter((e) => keep.has(e.name));
	if (kept.length === leaves.length || kept.length === 0) return null;
	if (!meta.row_groups.length) return 'empty';
	const projected: FileMetaData = {
		...meta,
		schema: [{ ...root, num_children: kept.length }, ...kept],
		row_groups: meta.row_groups.map((rg) => ({
			...rg,
			sorting_columns: undefined,
			columns: rg.columns
				.filter((c) => c.meta_data && keep.has(c.meta_data.path_in_schema[0] ?? ''))
				// Only what decoding reads: no statistics, no page indexes, no bloom filters.
				.map((c) => ({
					file_offset: c.file_offset,
					meta_data: c.meta_data && {
						...c.meta_data,
						statistics: undefined,
						size_statistics: undefined,
						geospatial_statistics: undefined,
						bloom_filter_offset: undefined,
						bloom_filter_length: undefined
					}
				}))
		})),
		// An embedded Arrow schema would name every column (the file's types are in its schema).
		key_value_metadata: meta.key_value_metadata?.filter((kv) => kv.key !== 'ARROW:schema')
	};
	const w = new ByteWriter();
	writeMetadata(w, projected);
	const footer = new Uint8Array(w.getBuffer());
	const out = new Uint8Array(start + footer.length + 8);
	out.set(bytes.subarray(0, start));
	out.set(footer, start);
	new DataView(out.buffer).setUint32(start + footer.length, footer.length, true);
	out.set([0x50, 0x41, 0x52, 0x31], start + footer.length + 4); // PAR1
	return out;
}
