/**
 * The open mission in the review page: one query resource per panel (each with its own
 * loading / error / data state), the GeoJSON derived from them, and the drawn-marks used to
 * time "open to drawn".
 */
import type { AppState } from './app.svelte';
import { Resource } from './resource.svelte';
import { missionSummary, type MissionSummaryRow } from '$lib/queries/mission-summary';
import { track, type TrackRow } from '$lib/queries/track';
import { rssiSeries, type RssiSeriesRow } from '$lib/queries/rssi-series';
import { detectionList, type DetectionListRow } from '$lib/queries/detection-list';
import { searchPattern, type SearchPatternRow } from '$lib/queries/search-pattern';
import { telemetrySeries, type TelemetrySeriesRow } from '$lib/queries/telemetry-series';
import { rssiHistogram, type RssiHistogramRow } from '$lib/queries/rssi-histogram';
import { missionKpis, type MissionKpiRow } from '$lib/queries/mission-kpis';
import { beaconEstimate } from '$lib/queries/spatial-beacon-estimate';
import { coverage } from '$lib/queries/spatial-coverage';
import { heatMap, type HeatMapRow } from '$lib/queries/spatial-heat-map';
import { spatialGradient, type SpatialGradientRow } from '$lib/queries/spatial-gradient';
import { stateTimeline, type StateTimelineRow } from '$lib/queries/kpi-state-timeline';
import { dataQualityNotes } from '$lib/queries/ingest-data-quality';
import type { DataQualityNote } from '$lib/ingest';
import { pointFeatures, trackBounds, trackSegments } from '$lib/transforms/track';
import {
	circlePolygon,
	gradientArrows,
	heatCells,
	patternFeatures
} from '$lib/transforms/map-features';

/** Enough points for a smooth track and chart at 1920 px, few enough to draw in one frame. */
const MAX_TRACK_POINTS = 4000;
const MAX_SERIES_POINTS = 2000;

export class MissionView {
	missionId = $state<string | null>(null);
	summary = new Resource<MissionSummaryRow>();
	kpis = new Resource<MissionKpiRow | null>();
	track = new Resource<TrackRow[]>();
	series = new Resource<RssiSeriesRow[]>();
	detections = new Resource<DetectionListRow[]>();
	pattern = new Resource<SearchPatternRow | null>();
	telemetry = new Resource<TelemetrySeriesRow[]>();
	histogram = new Resource<RssiHistogramRow[]>();
	heat = new Resource<HeatMapRow[]>();
	gradient = new Resource<SpatialGradientRow[]>();
	timeline = new Resource<StateTimelineRow[]>();
	quality = new Resource<DataQualityNote[]>();
	#drawn = $state<{ map: boolean; chart: boolean }>({ map: false, chart: false });
	#onDrawn: () => void = () => {};
	#firstDrawn: Promise<void> = Promise.resolve();
	#app: AppState;

	constructor(app: AppState) {
		this.#app = app;
	}

	/** True once the map and the main chart of the current mission have drawn. */
	get ready() {
		return this.#drawn.map && this.#drawn.chart;
	}

	/** The map's big layers, or null while the track is loading. */
	layers = $derived.by(() => {
		const rows = this.track.data;
		if (!rows) return null;
		const s = this.summary.data;
		const k = this.kpis.data;
		const first = rows[0];
		const marks: { lat_deg: number | null; lon_deg: number | null; kind: string }[] = [];
		if (first) marks.push({ lat_deg: first.lat_deg, lon_deg: first.lon_deg, kind: 'home' });
		if (s?.beacon_lat_deg != null)
			marks.push({ lat_deg: s.beacon_lat_deg, lon_deg: s.beacon_lon_deg, kind: 'beacon' });
		if (k?.beacon_est_lat != null)
			marks.push({ lat_deg: k.beacon_est_lat, lon_deg: k.beacon_est_lon, kind: 'estimate' });
		const pattern = patternFeatures(this.pattern.data ?? null);
		const est =
			k?.beacon_est_lat != null && k.beacon_est_lon != null && k.beacon_est_err_m != null
				? [circlePolygon(k.beacon_est_lat, k.beacon_est_lon, k.beacon_est_err_m)]
				: [];
		return {
			track: trackSegments(rows),
			detections: pointFeatures(this.detections.data ?? [], (d) => ({ t_rel_s: d.t_rel_s })),
			markers: pointFeatures(marks, (r) => ({ kind: r.kind })),
			heat: heatCells(this.heat.data ?? []),
			arrows: gradientArrows(
				(this.gradient.data ?? []).filter((g) => (g.r2 ?? 0) >= 0.3),
				5
			),
			estimate: { type: 'FeatureCollection' as const, features: est },
			boundary: pattern.boundary,
			pattern: pattern.path,
			waypoints: pattern.waypoints
		};
	});

	bounds = $derived(this.track.data ? trackBounds(this.track.data) : null);

	/** Open a mission (or none) and run every panel's query. */
	open(id: string | null) {
		if (id === this.missionId && this.summary.data) return;
		this.missionId = id;
		this.#drawn = { map: false, chart: false };
		this.#firstDrawn = new Promise<void>((r) => (this.#onDrawn = r));
		const all = [
			this.summary,
			this.kpis,
			this.track,
			this.series,
			this.detections,
			this.pattern,
			this.telemetry,
			this.histogram,
			this.heat,
			this.gradient,
			this.timeline,
			this.quality
		];
		if (!id) {
			for (const r of all) r.reset();
			return;
		}
		const db = () => this.#app.db();
		// The map and main chart first: they decide "open to drawn". DuckDB-WASM answers one
		// statement at a time on this connection, in the order asked, so asking all twelve at once
		// made the first three wait behind the others' planning; the rest is asked once they are in.
		const first = [
			this.summary.run(async () => {
				const row = await missionSummary(await db(), id);
				if (!row) throw new Error(`Mission ${id} is not loaded.`);
				return row;
			}, 'summary'),
			this.track.run(async () => track(await db(), id, MAX_TRACK_POINTS), 'track'),
			this.series.run(async () => rssiSeries(await db(), id, MAX_SERIES_POINTS), 'series')
		];
		// The rest waits for the first frame too (or 2 s at most): on a 2-core laptop the engine's
		// next queries (the beacon fit above all) would take the CPU the map's worker needs to draw.
		const drawnOrLater = () =>
			Promise.race([this.#firstDrawn, new Promise<void>((r) => setTimeout(r, 2000))]);
		void Promise.allSettled(first)
			.then(drawnOrLater)
			.then(() => {
				if (this.missionId !== id) return;
				this.detections.run(async () => detectionList(await db(), id), 'detections');
				this.timeline.run(async () => stateTimeline(await db(), id), 'timeline');
				this.telemetry.run(async () => telemetrySeries(await db(), id, 600), 'telemetry');
				this.pattern.run(async () => searchPattern(await db(), id), 'pattern');
				this.heat.run(async () => heatMap(await db(), id, 25), 'heat');
				this.histogram.run(async () => rssiHistogram(await db(), id, 2), 'histogram');
				this.gradient.run(async () => spatialGradient(await db(), id), 'gradient');
				this.quality.run(async () => dataQualityNotes(await db(), id), 'quality');
				// The KPIs last: the beacon estimate is the heaviest query of the page (~0.1–1 s).
				this.kpis.run(async () => {
					const rows = await missionKpis(await db(), id, {
						spatial: {
							beaconEstimate: (d, m) => beaconEstimate(d, m),
							// The spatial row names the area covered_km2; the KPI row calls it coverage_km2.
							coverage: async (d, m) =>
								(await coverage(d, m)).map((c) => ({ ...c, coverage_km2: c.covered_km2 }))
						}
					});
					return rows[0] ?? null;
				}, 'kpis');
			});
	}

	/** Record that a panel drew; the first time both have, measure open → drawn. */
	mark(what: 'map' | 'chart') {
		// The map reports idle before it has any track to draw: that is not "drawn".
		if (this.#drawn[what] || (what === 'map' && !this.track.data)) return;
		this.#drawn = { ...this.#drawn, [what]: true };
		if (typeof performance !== 'undefined') performance.mark(`pisad:drawn-${what}`);
		if (this.ready) this.#onDrawn();
		if (this.ready && typeof performance !== 'undefined') {
			performance.mark('pisad:drawn');
			try {
				performance.measure('pisad:open-to-drawn', 'pisad:open-start', 'pisad:drawn');
			} catch {
				// No start mark (mission opened from the library list): nothing to measure.
			}
		}
	}
}
