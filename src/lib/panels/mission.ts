/**
 * The panels of one mission (review and report): each is its query wrapper, the mission it is
 * asked for, its priority and, for charts, its targets. Adding an analytic to the review page is
 * one SQL file, one wrapper in `$lib/queries` and one entry here.
 */
import { FIRST, LAST, THEN, type PanelSpec, type Shared } from '$lib/coordinator';
import type { Db } from '$lib/db/types';
import {
	gradientOptions,
	histogramOptions,
	metricOptions,
	stateBandOptions
} from '$lib/charts/mission-charts';
import { rssiChartOptions, snrChartOptions } from '$lib/charts/rssi-chart';
import { dataQualityNotes } from '$lib/queries/ingest-data-quality';
import { detectionList } from '$lib/queries/detection-list';
import { stateTimeline } from '$lib/queries/kpi-state-timeline';
import { missionKpis, type MissionKpiRow } from '$lib/queries/mission-kpis';
import { missionSummary, type MissionSummaryRow } from '$lib/queries/mission-summary';
import { rssiHistogram } from '$lib/queries/rssi-histogram';
import { rssiSeries } from '$lib/queries/rssi-series';
import { spatialGradient } from '$lib/queries/spatial-gradient';
import { heatMap } from '$lib/queries/spatial-heat-map';
import { telemetrySeries, type TelemetrySeriesRow } from '$lib/queries/telemetry-series';
import { track } from '$lib/queries/track';
import { chart, type ChartTarget } from './chart';
import { patternOf, posteriorOf } from './posterior';

/** What a mission page is opened with. */
export interface MissionCtx {
	missionId: string;
}

/** A mission panel: a query spec plus, optionally, the charts that draw it. */
export type MissionPanel<T> = PanelSpec<MissionCtx, T> & { charts?: ChartTarget<T>[] };

/** A mission panel being declared: `.draw(...)` adds the charts that draw its rows. */
type Declared<T> = MissionPanel<T> & { draw: (...charts: ChartTarget<T>[]) => MissionPanel<T> };

/** Declare a mission panel: its question and when it is asked. */
function p<T>(
	query: (db: Db, c: MissionCtx, shared: Shared) => Promise<T>,
	priority: number
): Declared<T> {
	return { query, priority, draw: (...charts) => ({ query, priority, charts }) };
}

/** Enough points for a smooth track and chart at 1920 px, few enough to draw in one frame. */
const MAX_TRACK_POINTS = 4000;
const MAX_SERIES_POINTS = 2000;

/** The summary, or an error a person can act on when the mission is not in this tab. */
async function summaryOf(db: Db, id: string): Promise<MissionSummaryRow> {
	const row = await missionSummary(db, id);
	if (!row) throw new Error(`Mission ${id} is not loaded.`);
	return row;
}

async function kpisOf(db: Db, id: string): Promise<MissionKpiRow | null> {
	return (await missionKpis(db, id, { spatial: true }))[0] ?? null;
}

/** One telemetry small multiple: `field` over time. */
const metric = (title: string, testid: string, field: keyof TelemetrySeriesRow, unit: string) =>
	chart<TelemetrySeriesRow[]>('multiples', title, testid, 110, (rows, size, c) =>
		metricOptions(rows, field, unit, size, c)
	);

export const missionPanels = {
	summary: p((db, c) => summaryOf(db, c.missionId), FIRST),
	track: p((db, c) => track(db, c.missionId, MAX_TRACK_POINTS), FIRST),
	series: p((db, c) => rssiSeries(db, c.missionId, MAX_SERIES_POINTS), FIRST).draw(
		chart(
			'side',
			'RSSI, noise floor, trigger and drop levels',
			'rssi-chart',
			220,
			rssiChartOptions
		),
		chart('side', 'SNR', 'snr-chart', 130, snrChartOptions)
	),
	detections: p((db, c) => detectionList(db, c.missionId), THEN),
	timeline: p((db, c) => stateTimeline(db, c.missionId), THEN).draw(
		chart('side', 'Flight state', 'state-chart', 36, stateBandOptions)
	),
	telemetry: p((db, c) => telemetrySeries(db, c.missionId, 600), THEN).draw(
		metric('Altitude above home (m)', 'alt-chart', 'alt_rel_m', 'm'),
		metric('Ground speed (m/s)', 'speed-chart', 'groundspeed_mps', 'm/s'),
		metric('Battery (%)', 'battery-chart', 'battery_pct', '%'),
		metric('GPS satellites', 'sats-chart', 'gps_sats', 'sats'),
		metric('GPS HDOP', 'hdop-chart', 'gps_hdop', 'HDOP')
	),
	pattern: p((db, c, s) => patternOf(db, c.missionId, s), THEN),
	heat: p((db, c) => heatMap(db, c.missionId, 25), THEN),
	histogram: p((db, c) => rssiHistogram(db, c.missionId, 2), THEN).draw(
		chart('bottom', 'RSSI histogram by state', 'histogram-chart', 200, histogramOptions, false)
	),
	gradient: p((db, c) => spatialGradient(db, c.missionId), THEN).draw(
		chart('side', 'Spatial gradient bearing (opacity = R²)', 'gradient-chart', 130, gradientOptions)
	),
	quality: p((db, c) => dataQualityNotes(db, c.missionId), THEN),
	// The KPIs last: the beacon estimate is the heaviest query of the page (~0.1–1 s).
	kpis: p((db, c) => kpisOf(db, c.missionId), LAST),
	// The beacon's probability map (its regions on the map, their area and reach as KPIs).
	posterior: p((db, c, s) => posteriorOf(db, c.missionId, s), LAST)
};

/** The review page shows every mission panel. */
export const reviewPanels = missionPanels;

/** The report needs these (its charts are drawn in print colours by the page). */
export const reportPanels = {
	summary: missionPanels.summary,
	kpis: missionPanels.kpis,
	posterior: missionPanels.posterior,
	track: missionPanels.track,
	series: missionPanels.series,
	timeline: missionPanels.timeline,
	detections: missionPanels.detections
};
