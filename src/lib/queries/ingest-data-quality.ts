import type { Db } from '$lib/db/types';
import type { DataQualityNote } from '$lib/ingest/importers/types';
import { sqlText } from './sql';

/** Data-quality notes of `missionId` (or every mission when null), most severe first. */
export async function dataQualityNotes(
	db: Db,
	missionId: string | null
): Promise<DataQualityNote[]> {
	return db.query<DataQualityNote>(sqlText('queries/ingest/data_quality_notes'), [missionId]);
}
