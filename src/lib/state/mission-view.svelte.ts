/**
 * The open mission of the review and report pages: a coordinator running the page's declared
 * panels (`$lib/panels/mission`) for one mission, the GeoJSON derived from them, and the drawn
 * marks used to time "open to drawn" (the first frame releases the rest of the panels).
 */
import type { AppState } from './app.svelte';
import { Coordinator, type Clients } from '$lib/coordinator';
import { reviewPanels } from '$lib/panels/mission';
import { pointFeatures, trackBounds, trackSegments } from '$lib/transforms/track';
import {
	circlePolygon,
	gradientArrows,
	heatCells,
	patternFeatures
} from '$lib/transforms/map-features';

type Panels = typeof reviewPanels;

export class MissionView {
	missionId = $state<string | null>(null);
	readonly panels: Clients<Panels>;
	#coordinator: Coordinator<Panels>;
	#drawn = $state<{ map: boolean; chart: boolean }>({ map: false, chart: false });
	#onDrawn: () => void = () => {};
	#firstDrawn: Promise<void> = Promise.resolve();

	/** `panels`: the page's list (the report asks for fewer than the review). */
	constructor(app: AppState, panels: Partial<Panels> = reviewPanels) {
		this.#coordinator = new Coordinator(() => app.db(), panels as Panels);
		this.panels = this.#coordinator.panels;
	}

	/** True once the map and the main chart of the current mission have drawn. */
	get ready() {
		return this.#drawn.map && this.#drawn.chart;
	}

	/** The map's big layers, or null while the track is loading. */
	layers = $derived.by(() => {
		const rows = this.panels.track.data;
		if (!rows) return null;
		const s = this.panels.summary.data;
		const k = this.panels.kpis.data;
		const first = rows[0];
		const marks: { lat_deg: number | null; lon_deg: number | null; kind: string }[] = [];
		if (first) marks.push({ lat_deg: first.lat_deg, lon_deg: first.lon_deg, kind: 'home' });
		if (s?.beacon_lat_deg != null)
			marks.push({ lat_deg: s.beacon_lat_deg, lon_deg: s.beacon_lon_deg, kind: 'beacon' });
		if (k?.beacon_est_lat != null)
			marks.push({ lat_deg: k.beacon_est_lat, lon_deg: k.beacon_est_lon, kind: 'estimate' });
		const pattern = patternFeatures(this.panels.pattern.data ?? null);
		const est =
			k?.beacon_est_lat != null && k.beacon_est_lon != null && k.beacon_est_err_m != null
				? [circlePolygon(k.beacon_est_lat, k.beacon_est_lon, k.beacon_est_err_m)]
				: [];
		return {
			track: trackSegments(rows),
			detections: pointFeatures(this.panels.detections.data ?? [], (d) => ({ t_rel_s: d.t_rel_s })),
			markers: pointFeatures(marks, (r) => ({ kind: r.kind })),
			heat: heatCells(this.panels.heat.data ?? []),
			arrows: gradientArrows(
				(this.panels.gradient.data ?? []).filter((g) => (g.r2 ?? 0) >= 0.3),
				5
			),
			estimate: { type: 'FeatureCollection' as const, features: est },
			boundary: pattern.boundary,
			pattern: pattern.path,
			waypoints: pattern.waypoints
		};
	});

	bounds = $derived.by(() => (this.panels.track.data ? trackBounds(this.panels.track.data) : null));

	/** Open a mission (or none): the coordinator asks every panel, the first frame's first. */
	open(id: string | null) {
		if (id === this.missionId && this.panels.summary.data) return;
		this.missionId = id;
		this.#drawn = { map: false, chart: false };
		this.#firstDrawn = new Promise<void>((r) => (this.#onDrawn = r));
		// The rest waits for the first frame (or 2 s at most): on a 2-core laptop the engine's
		// next queries (the beacon fit above all) would take the CPU the map's worker needs.
		this.#coordinator.open(id ? { missionId: id } : null, { until: this.#firstDrawn });
	}

	dispose() {
		this.#coordinator.dispose();
	}

	/** Record that a panel drew; the first time both have, measure open → drawn. */
	mark(what: 'map' | 'chart') {
		// The map reports idle before it has any track to draw: that is not "drawn".
		if (this.#drawn[what] || (what === 'map' && !this.panels.track.data)) return;
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
