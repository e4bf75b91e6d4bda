/**
 * A chart target: how a panel's rows are drawn by a pure Plot builder, where on the page, and
 * whether its x axis is mission time (then the chart takes the shared cursor, pick and brush).
 */
import type { PlotOptions } from '@observablehq/plot';
import type { ChartTheme } from '$lib/charts/theme';

export interface ChartSize {
	width: number;
	height: number;
}

/** What every chart builder of a page gets besides its rows and size. */
export interface ChartContext {
	theme: ChartTheme;
	/** The brushed time range, s (null: the whole mission). */
	domain: [number, number] | null;
}

export interface ChartTarget<T> {
	/** Where the page puts it (each page names its own slots). */
	slot: string;
	title: string;
	testid: string;
	height: number;
	/** False for an x axis that is not mission time (a histogram): no cursor, pick or brush. */
	time: boolean;
	plot: (rows: T, size: ChartSize, c: ChartContext) => PlotOptions;
}

/** Declare a chart target of a panel. */
export function chart<T>(
	slot: string,
	title: string,
	testid: string,
	height: number,
	plot: ChartTarget<T>['plot'],
	time = true
): ChartTarget<T> {
	return { slot, title, testid, height, plot, time };
}

/** A panel's chart targets, each with the panel's name, in declaration order. */
export interface PlacedChart {
	panel: string;
	target: ChartTarget<never>;
}

/** Every chart of a panel list that goes in `slot`, in the list's order. */
export function chartsIn(
	panels: Record<string, { charts?: readonly ChartTarget<never>[] }>,
	slot: string
): PlacedChart[] {
	return Object.entries(panels).flatMap(([panel, p]) =>
		(p.charts ?? []).filter((c) => c.slot === slot).map((target) => ({ panel, target }))
	);
}
