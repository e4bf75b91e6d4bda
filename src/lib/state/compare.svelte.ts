/**
 * Two missions side by side: their tracks, their RSSI aligned on time since first detection,
 * and their KPIs (the panels of `$lib/panels/compare`).
 */
import type { AppState } from './app.svelte';
import { Coordinator } from '$lib/coordinator';
import { comparePanels } from '$lib/panels/compare';

export type { CompareSide } from '$lib/panels/compare';

export class Compare {
	#coordinator: Coordinator<typeof comparePanels>;

	constructor(app: AppState) {
		this.#coordinator = new Coordinator(() => app.db(), comparePanels);
	}

	/** Both sides, once both are read. */
	get sides() {
		return this.#coordinator.panels.sides;
	}

	open(a: string, b: string) {
		this.#coordinator.open({ a, b });
	}
}
