/**
 * The manifest's row-group index (`ranges`, docs/archive.md): for each mission and data file
 * that holds its rows, where they are in that file (the byte span of its row groups, the footer's
 * size, the rows to skip in the first of them), so a browser opens the mission with one range read
 * of its rows and one of the footer per file, both at once: no size request, no footer parse
 * before the rows are asked for. Computed from the files' own footers and row numbers.
 */
import { renameSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { MANIFEST, TEMP_PREFIX, batchId } from './layout';
import { openNative, rowsOf, sqlStr } from './native';

/** The type of one index entry, as the manifest stores it. */
export const RANGE_TYPE = `STRUCT(part VARCHAR, file_bytes BIGINT, footer_bytes BIGINT,
	span_start BIGINT, span_end BIGINT, first_group INTEGER, last_group INTEGER,
	row_offset BIGINT, rows BIGINT)`;

/**
 * Create the temp table `mission_ranges (mission_id, ranges)` for the missions of `parts`
 * (mission → the relative paths of its files), whose files lie under `base` (the archive, or a
 * batch's temp directory before its files are renamed into place).
 */
export async function missionRanges(
	con: DuckDBConnection,
	base: string,
	parts: { mission_id: string; part: string }[]
): Promise<void> {
	const files = [...new Set(parts.map((p) => p.part))];
	await con.run(
		`CREATE OR REPLACE TEMP TABLE mission_ranges (mission_id VARCHAR, ranges ${RANGE_TYPE}[])`
	);
	if (!files.length) return;
	const paths = `[${files.map((f) => sqlStr(join(base, f))).join(', ')}]`;
	await con.run('CREATE OR REPLACE TEMP TABLE range_wanted (mission_id VARCHAR, part VARCHAR)');
	await con.run(
		`INSERT INTO range_wanted SELECT * FROM (VALUES ${parts
			.map((p) => `(${sqlStr(p.mission_id)}, ${sqlStr(p.part)})`)
			.join(', ')})`
	);
	await con.run('CREATE OR REPLACE TEMP TABLE range_files (path VARCHAR, part VARCHAR)');
	await con.run(
		`INSERT INTO range_files SELECT * FROM (VALUES ${files
			.map((f) => `(${sqlStr(join(base, f))}, ${sqlStr(f)})`)
			.join(', ')})`
	);
	// A column chunk starts at its dictionary page when it has one (as the browser's columnSpan).
	const start =
		'CASE WHEN dictionary_page_offset > 0 THEN dictionary_page_offset ELSE data_page_offset END';
	await con.run(
		`INSERT INTO mission_ranges
		WITH grp AS (
			SELECT f.part, row_group_id AS g, any_value(row_group_num_rows) AS n,
				min(${start}) AS lo, max(${start} + total_compressed_size) AS hi
			FROM parquet_metadata(${paths}) m JOIN range_files f ON f.path = m.file_name GROUP BY ALL),
		grp_rows AS (SELECT *, sum(n) OVER (PARTITION BY part ORDER BY g) - n AS row0 FROM grp),
		tail AS (SELECT f.part, file_size_bytes, footer_size
			FROM parquet_file_metadata(${paths}) m JOIN range_files f ON f.path = m.file_name),
		runs AS (SELECT f.part, mission_id, min(file_row_number) AS r0, count(*) AS n
			FROM read_parquet(${paths}, filename = true, file_row_number = true) r
			JOIN range_files f ON f.path = r.filename GROUP BY ALL),
		entry AS (
			SELECT w.mission_id, w.part, t.file_size_bytes, t.footer_size, r.n AS rows,
				min(g.lo) AS span_start, max(g.hi) AS span_end, min(g.g) AS first_group,
				max(g.g) AS last_group, min(r.r0) - min(g.row0) AS row_offset
			FROM range_wanted w JOIN runs r USING (part, mission_id) JOIN tail t USING (part)
			JOIN grp_rows g ON g.part = w.part AND g.row0 < r.r0 + r.n AND r.r0 < g.row0 + g.n
			GROUP BY ALL)
		SELECT mission_id, list({'part': part, 'file_bytes': file_size_bytes,
				'footer_bytes': footer_size, 'span_start': span_start, 'span_end': span_end,
				'first_group': first_group, 'last_group': last_group, 'row_offset': row_offset,
				'rows': rows}::${RANGE_TYPE} ORDER BY part)
		FROM entry GROUP BY mission_id`
	);
}

/**
 * The manifest rows of `select` (a SELECT of manifest rows) with their `ranges` taken from
 * `mission_ranges` (a row it has none for gets NULL: readers then use the files' footers).
 */
export function withRanges(select: string): string {
	return `SELECT f.*, r.ranges
		FROM (SELECT COLUMNS(c -> c <> 'ranges') FROM (${select})) f
		LEFT JOIN mission_ranges r USING (mission_id)`;
}

/** The (mission, part) pairs of a manifest's rows. */
export async function manifestParts(
	con: DuckDBConnection,
	manifest: string
): Promise<{ mission_id: string; part: string }[]> {
	return rowsOf(
		con,
		`SELECT mission_id, unnest(parts) AS part FROM read_parquet(${sqlStr(manifest)})`
	);
}

/**
 * `archive index <dir>`: (re)write the manifest's `ranges` for every mission (an archive written
 * before the index existed), aside then renamed as an add writes it. Returns the missions indexed.
 */
export async function indexArchive(dir: string): Promise<number> {
	const manifest = join(dir, MANIFEST);
	const con = await openNative();
	const tmp = join(dir, `${TEMP_PREFIX}${batchId()}`);
	try {
		await missionRanges(con, dir, await manifestParts(con, manifest));
		mkdirSync(tmp, { recursive: true });
		await con.run(
			`COPY (SELECT * FROM (${withRanges(`SELECT * FROM read_parquet(${sqlStr(manifest)})`)})
			 ORDER BY started_at, mission_id) TO ${sqlStr(join(tmp, MANIFEST))} (FORMAT parquet, COMPRESSION zstd)`
		);
		const [n] = await rowsOf<{ n: number }>(con, 'SELECT count(*) AS n FROM mission_ranges');
		renameSync(join(tmp, MANIFEST), manifest);
		return n?.n ?? 0;
	} finally {
		rmSync(tmp, { recursive: true, force: true });
		con.closeSync();
	}
}
