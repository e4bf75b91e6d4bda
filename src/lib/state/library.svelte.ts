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
import { deleteMission } from '$lib/queries/mission-delete';
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

	/**
	 * Keep the missions a load brought in the browser's library, with the rows the table and
	 * the fleet view show (called when the KPIs and dwell have answered).
	 */
	keep() {
		const k = this.kpis.data;
		const dwell = this.dwell.data;
		if (!k || !dwell) return;
		// A local lookup, never rendered.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const list = new Map(this.#app.missions.map((m) => [m.mission_id, m]));
		void this.#app.stored.commit(
			(id) => (list.has(id) ? { ...(k.get(id) ?? {}), ...list.get(id) } : undefined),
			(id) =>
				dwell
					.filter((d) => d.mission_id === id)
					.map((d) => ({ state: d.state, dwell_s: d.dwell_s }))
		);
	}

	/** Remove a mission from this tab's engine and from the browser's library. */
	async remove(id: string) {
		await deleteMission(await this.#app.db(), id);
		await this.#app.stored.remove(id);
		this.selected = this.selected.filter((x) => x !== id);
		await this.#app.refresh();
	}

	/**
	 * Missions kept outside the engine (the browser's stored library, then the open fleet
	 * archive), not loaded: their library rows and dwell as kept. Each appears once.
	 */
	#kept = $derived.by(() => {
		// Local lookups, never rendered.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const seen = new Set(this.#app.missions.map((m) => m.mission_id));
		const out: { row: LibraryRow; dwell: { state: string; dwell_s: number }[]; id: string }[] = [];
		for (const m of [...this.#app.stored.missions, ...this.#app.archive.missions]) {
			if (seen.has(m.mission_id)) continue;
			seen.add(m.mission_id);
			out.push({ id: m.mission_id, row: m.row as unknown as LibraryRow, dwell: m.dwell });
		}
		return out;
	});

	/** Stored missions whose rows are not in the engine ("Load all" loads them). */
	storedNotLoaded = $derived(this.#kept.filter((k) => this.#app.stored.has(k.id)).length);

	/** Dwell per mission and state: the engine's, and the kept ones' as kept. */
	dwellRows = $derived.by(() => [
		...(this.dwell.data ?? []),
		...this.#kept.flatMap((k) => k.dwell.map((d) => ({ ...d, mission_id: k.id })))
	]);

	/** Missions joined with their KPIs (and the stored ones not loaded yet), sorted. */
	rows = $derived.by((): LibraryRow[] => {
		const k = this.kpis.data;
		const rows: LibraryRow[] = this.#app.missions.map((m) => ({
			...(k?.get(m.mission_id) ?? {}),
			...m
		}));
		rows.push(...this.#kept.map((k) => k.row));
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
