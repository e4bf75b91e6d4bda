/**
 * The app's own analytical queries, timed through their typed wrappers exactly as the review page
 * calls them (same defaults, same point budgets). Each runs for one mission while the whole
 * library (1, 10 or 100 hours) is loaded: how a view's latency grows with the library. They are
 * DuckDB-only: their SQL (windowed quantiles, ASOF-style merges, regr_*, list aggregates) has no
 * direct SQLite equivalent; the simple questions (simple-questions.ts) carry the comparison.
 */
import type { Db } from '$lib/db';
import { missionKpiSql } from '$lib/queries/kpi-mission-kpis';
import { stateTimeline } from '$lib/queries/kpi-state-timeline';
import { telemetrySummary } from '$lib/queries/kpi-telemetry-summary';
import { missionSummary } from '$lib/queries/mission-summary';
import { rssiSeries } from '$lib/queries/rssi-series';
import { beaconPattern } from '$lib/queries/signal-beacon-pattern';
import { detectionIntervals } from '$lib/queries/signal-detection-intervals';
import { noiseFloorRolling } from '$lib/queries/signal-noise-floor-rolling';
import { noiseFloorWindow } from '$lib/queries/signal-noise-floor-window';
import { temporalGradient } from '$lib/queries/signal-temporal-gradient';
import { beaconEstimate } from '$lib/queries/spatial-beacon-estimate';
import { coverage } from '$lib/queries/spatial-coverage';
import { spatialGradient } from '$lib/queries/spatial-gradient';
import { heatMap } from '$lib/queries/spatial-heat-map';
import { track } from '$lib/queries/track';

/** The seed's targets (story 4.8): noise floor < 10 ms, gradient < 20 ms. */
export const NOISE_FLOOR_TARGET_MS = 10;
export const GRADIENT_TARGET_MS = 20;

/** Same budgets as the review page (src/lib/state/mission-view.svelte.ts). */
const MAX_TRACK_POINTS = 4000;
const MAX_SERIES_POINTS = 2000;

export interface AppQuestion {
	id: string;
	targetMs?: number;
	/** `missionId` is one loaded mission (the "all missions" row ignores it). */
	run(db: Db, missionId: string): Promise<unknown>;
}

export const APP_QUESTIONS: AppQuestion[] = [
	{
		id: 'signal-noise-floor-rolling',
		targetMs: NOISE_FLOOR_TARGET_MS,
		run: (db, m) => noiseFloorRolling(db, m)
	},
	{
		id: 'signal-noise-floor-window',
		targetMs: NOISE_FLOOR_TARGET_MS,
		run: (db, m) => noiseFloorWindow(db, m)
	},
	{ id: 'signal-detection-intervals', run: (db, m) => detectionIntervals(db, m) },
	{
		id: 'signal-temporal-gradient',
		targetMs: GRADIENT_TARGET_MS,
		run: (db, m) => temporalGradient(db, m)
	},
	{ id: 'signal-beacon-pattern', run: (db, m) => beaconPattern(db, m) },
	{ id: 'spatial-gradient', targetMs: GRADIENT_TARGET_MS, run: (db, m) => spatialGradient(db, m) },
	{ id: 'spatial-beacon-estimate', run: (db, m) => beaconEstimate(db, m) },
	{ id: 'spatial-heat-map', run: (db, m) => heatMap(db, m, 25) },
	{ id: 'spatial-coverage', run: (db, m) => coverage(db, m) },
	{ id: 'kpi-state-timeline', run: (db, m) => stateTimeline(db, m) },
	{ id: 'kpi-mission-kpis', run: (db, m) => missionKpiSql(db, m) },
	{ id: 'kpi-mission-kpis (all missions)', run: (db) => missionKpiSql(db, null) },
	{ id: 'kpi-telemetry-summary', run: (db, m) => telemetrySummary(db, m) },
	{ id: 'mission-summary', run: (db, m) => missionSummary(db, m) },
	{ id: 'track', run: (db, m) => track(db, m, MAX_TRACK_POINTS) },
	{ id: 'rssi-series', run: (db, m) => rssiSeries(db, m, MAX_SERIES_POINTS) }
];
