/**
 * The open mission of the review and report pages: a coordinator running the page's declared
 * panels (`$lib/panels/mission`) for one mission, the track's bounds, and the drawn marks used
 * to time "open to drawn" (the first frame releases the rest of the panels). The map's layers
 * are specs reading these panels (`$lib/map/review-layers`).
 */
import type { AppState } from './app.svelte';
import { Coordinator, type Clients } from '$lib/coordinator';
import { reviewPanels } from '$lib/panels/mission';
import { trackBounds } from '$lib/transforms/track';

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
