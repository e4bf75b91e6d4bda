/**
 * Two missions side by side: their tracks, their RSSI aligned on time since first detection,
 * and their KPIs.
 */
import type { AppState } from './app.svelte';
import { Resource } from './resource.svelte';
import { track, type TrackRow } from '$lib/queries/track';
import { rssiSeries, type RssiSeriesRow } from '$lib/queries/rssi-series';
import { missionKpiSql, type MissionKpiSqlRow } from '$lib/queries/kpi-mission-kpis';
import { missionSummary, type MissionSummaryRow } from '$lib/queries/mission-summary';

export interface CompareSide {
	id: string;
	summary: MissionSummaryRow | null;
	kpis: MissionKpiSqlRow | null;
	track: TrackRow[];
	series: RssiSeriesRow[];
}

export class Compare {
	sides = new Resource<[CompareSide, CompareSide]>();
	#app: AppState;

	constructor(app: AppState) {
		this.#app = app;
	}

	open(a: string, b: string) {
		this.sides.run(async () => {
			const db = await this.#app.db();
			const side = async (id: string): Promise<CompareSide> => {
				const summary = await missionSummary(db, id);
				if (!summary)
					throw new Error(
						`Mission "${id}" is not loaded in this tab. Open it from the library first.`
					);
				const [kpis] = await missionKpiSql(db, id);
				return {
					id,
					summary,
					kpis: kpis ?? null,
					track: await track(db, id, 3000),
					series: await rssiSeries(db, id, 1500)
				};
			};
			return [await side(a), await side(b)];
		}, 'compare');
	}
}
