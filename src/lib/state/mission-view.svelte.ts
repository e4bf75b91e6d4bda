/**
 * The open mission in the review page: its summary, track and RSSI series as query resources,
 * the GeoJSON derived from them, and the drawn-marks used to time "open to drawn".
 */
import type { AppState } from './app.svelte';
import { Resource } from './resource.svelte';
import { missionSummary, type MissionSummaryRow } from '$lib/queries/mission-summary';
import { track, type TrackRow } from '$lib/queries/track';
import { rssiSeries, type RssiSeriesRow } from '$lib/queries/rssi-series';
import { detectionList, type DetectionListRow } from '$lib/queries/detection-list';
import { pointFeatures, trackBounds, trackSegments } from '$lib/transforms/track';

/** Enough points for a smooth track and chart at 1920 px, few enough to draw in one frame. */
const MAX_TRACK_POINTS = 4000;
const MAX_SERIES_POINTS = 2000;

export class MissionView {
	missionId = $state<string | null>(null);
	summary = new Resource<MissionSummaryRow>();
	track = new Resource<TrackRow[]>();
	series = new Resource<RssiSeriesRow[]>();
	detections = new Resource<DetectionListRow[]>();
	#drawn = $state<{ map: boolean; chart: boolean }>({ map: false, chart: false });
	#app: AppState;

	constructor(app: AppState) {
		this.#app = app;
	}

	/** True once the map and the chart of the current mission have drawn. */
	get ready() {
		return this.#drawn.map && this.#drawn.chart;
	}

	/** GeoJSON for the map, or null while the track is loading. */
	geo = $derived.by(() => {
		const rows = this.track.data;
		if (!rows) return null;
		const s = this.summary.data;
		const first = rows.find((r) => r.lat_deg !== null && r.lon_deg !== null);
		const markers = pointFeatures(
			[
				...(first ? [{ lat_deg: first.lat_deg, lon_deg: first.lon_deg, kind: 'home' }] : []),
				...(s?.beacon_lat_deg != null
					? [{ lat_deg: s.beacon_lat_deg, lon_deg: s.beacon_lon_deg, kind: 'beacon' }]
					: [])
			],
			(r) => ({ kind: r.kind })
		);
		return {
			track: trackSegments(rows),
			detections: pointFeatures(this.detections.data ?? [], (d) => ({
				t_rel_s: d.t_rel_s,
				rssi_dbm: d.rssi_dbm
			})),
			markers,
			bounds: trackBounds(rows)
		};
	});

	/** Open a mission (or none) and run its queries. */
	open(id: string | null) {
		if (id === this.missionId && this.summary.data) return;
		this.missionId = id;
		this.#drawn = { map: false, chart: false };
		if (!id) {
			for (const r of [this.summary, this.track, this.series, this.detections]) r.reset();
			return;
		}
		const db = () => this.#app.db();
		this.summary.run(async () => {
			const row = await missionSummary(await db(), id);
			if (!row) throw new Error(`Mission ${id} is not loaded.`);
			return row;
		});
		this.track.run(async () => track(await db(), id, MAX_TRACK_POINTS));
		this.series.run(async () => rssiSeries(await db(), id, MAX_SERIES_POINTS));
		this.detections.run(async () => detectionList(await db(), id));
	}

	/** Record that a panel drew; the first time both have, measure open → drawn. */
	mark(what: 'map' | 'chart') {
		if (this.#drawn[what]) return;
		this.#drawn = { ...this.#drawn, [what]: true };
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
