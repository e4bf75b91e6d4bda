/**
 * The library: every loaded mission with its requirement KPIs (one SQL pass over all missions,
 * without the per-mission spatial fits, so it stays fast at 100+ flight hours), sorting, the
 * selection used for comparing two missions, and the fleet view's brushes (a crossfilter over
 * the missions: the table shows the missions inside every brush).
 */
import type { AppState } from './app.svelte';
import { Coordinator } from '$lib/coordinator';
import { libraryPanels } from '$lib/panels/library';
import type { MissionKpiSqlRow } from '$lib/queries/kpi-mission-kpis';
import type { MissionListRow } from '$lib/queries/mission-list';
import { crossfilter, type FleetBrushes, type FleetDim } from '$lib/transforms/fleet';

export type LibraryRow = MissionListRow & Partial<Omit<MissionKpiSqlRow, keyof MissionListRow>>;

export class Library {
	sortKey = $state<string>('started_at');
	sortDesc = $state(true);
	selected = $state<string[]>([]);
	/** The fleet view's brushed ranges, by dimension. */
	brushes = $state.raw<FleetBrushes>({});
	#app: AppState;
	#coordinator: Coordinator<typeof libraryPanels>;
	#version = 0;

	constructor(app: AppState) {
		this.#app = app;
		this.#coordinator = new Coordinator(() => app.db(), libraryPanels);
	}

	/** KPIs of every loaded mission, by id. */
	get kpis() {
		return this.#coordinator.panels.library;
	}

	/** Dwell per mission and flight state (the fleet view's state chart). */
	get dwell() {
		return this.#coordinator.panels.dwell;
	}

	/** Brush a range of one fleet dimension (null lets go); marks the time for the bench. */
	brush(dim: FleetDim, range: [number, number] | null) {
		if (typeof performance !== 'undefined') performance.mark('pisad:brush');
		const next = { ...this.brushes };
		if (range) next[dim] = range;
		else delete next[dim];
		this.brushes = next;
	}

	/** Recompute KPIs for all loaded missions. */
	refresh() {
		this.#coordinator.open({ version: ++this.#version });
	}

	/** Missions joined with their KPIs, sorted. */
	rows = $derived.by((): LibraryRow[] => {
		const k = this.kpis.data;
		const rows: LibraryRow[] = this.#app.missions.map((m) => ({
			...(k?.get(m.mission_id) ?? {}),
			...m
		}));
		const key = this.sortKey as keyof LibraryRow;
		const dir = this.sortDesc ? -1 : 1;
		return rows.sort((a, b) => {
			const x = a[key];
			const y = b[key];
			if (x == null && y == null) return 0;
			if (x == null) return 1;
			if (y == null) return -1;
			return (x < y ? -1 : x > y ? 1 : 0) * dir;
		});
	});

	/** The rows inside every brush (what the table shows). */
	filtered = $derived(crossfilter(this.rows, this.brushes));

	sortBy(key: string) {
		if (this.sortKey === key) this.sortDesc = !this.sortDesc;
		else {
			this.sortKey = key;
			this.sortDesc = true;
		}
	}

	/** Toggle a mission in the comparison selection (at most two; the oldest pick drops out). */
	toggle(id: string) {
		this.selected = this.selected.includes(id)
			? this.selected.filter((x) => x !== id)
			: [...this.selected, id].slice(-2);
	}
}
