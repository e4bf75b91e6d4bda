/** Typed wrapper of sql/queries/mission/rssi_histogram.sql. */
import type { Db } from '$lib/db/types';
import { sqlText } from './sql';

export interface RssiHistogramRow {
	system_state: string;
	bin_dbm: number;
	n: number;
	share: number;
}

/** RSSI histogram per flight state with `binDb`-wide bins. */
export function rssiHistogram(db: Db, missionId: string, binDb = 2): Promise<RssiHistogramRow[]> {
	return db.query<RssiHistogramRow>(sqlText('queries/mission/rssi_histogram'), [missionId, binDb]);
}
