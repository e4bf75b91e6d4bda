/**
 * The compare page's panels: two missions side by side (tracks, RSSI series, KPIs), asked as one
 * panel so the page draws both sides at once.
 */
import { FIRST, panel } from '$lib/coordinator';
import type { Db } from '$lib/db/types';
import { missionKpiSql, type MissionKpiSqlRow } from '$lib/queries/kpi-mission-kpis';
import { missionSummary, type MissionSummaryRow } from '$lib/queries/mission-summary';
import { rssiSeries, type RssiSeriesRow } from '$lib/queries/rssi-series';
import { track, type TrackRow } from '$lib/queries/track';

export interface CompareCtx {
	a: string;
	b: string;
}

export interface CompareSide {
	id: string;
	summary: MissionSummaryRow | null;
	kpis: MissionKpiSqlRow | null;
	track: TrackRow[];
	series: RssiSeriesRow[];
}

async function side(db: Db, id: string): Promise<CompareSide> {
	const summary = await missionSummary(db, id);
	if (!summary)
		throw new Error(`Mission "${id}" is not loaded in this tab. Open it from the library first.`);
	const [kpis] = await missionKpiSql(db, id);
	return {
		id,
		summary,
		kpis: kpis ?? null,
		track: await track(db, id, 3000),
		series: await rssiSeries(db, id, 1500)
	};
}

export const comparePanels = {
	sides: panel({
		query: async (db: Db, c: CompareCtx): Promise<[CompareSide, CompareSide]> => [
			await side(db, c.a),
			await side(db, c.b)
		],
		priority: FIRST
	})
};
