/** Typed wrapper of sql/queries/ingest/import_counts.sql. */
import type { Db } from '$lib/db/types';
import type { TableCount } from '$lib/transforms/import-summary';
import { sqlText } from './sql';

/** Rows per mission and contract table, and the span of their times (one mission, or all). */
export function importCounts(db: Db, missionId: string | null = null): Promise<TableCount[]> {
	return db.query<TableCount>(sqlText('queries/ingest/import_counts'), [missionId]);
}
