/**
 * Pure Plot builders for the fleet view (the library's crossfilter): time to first detection
 * over the calendar, the detection range distribution, search time against the 120-minute
 * baseline and the 70 % goal (≤ 36 min), requirement pass rates and hours per flight state.
 * Each takes the missions its crossfilter passes and, where it is brushable, its own brush
 * (drawn as a band) so the chart keeps its context around the selection.
 */
import * as Plot from '@observablehq/plot';
import type { FleetFact, PassRate } from '$lib/transforms/fleet';
import { STATE_COLORS } from '$lib/colors';
import { chartStyle, DARK_CHART, type ChartTheme } from './theme';

type Size = { width: number; height: number };
type Range = readonly [number, number] | null | undefined;

/** The PRD's ground-search baseline and the 70 % goal below it (pisad-domain.md). */
export const BASELINE_MIN = 120;
export const GOAL_MIN = BASELINE_MIN * 0.3;
/** FR1: detection from 500 m. */
const FR1_M = 500;

const finite = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

/** The brushed range as a translucent band (nothing when no brush). */
function band(range: Range, theme: ChartTheme): Plot.Markish[] {
	return range
		? [Plot.rectX([range], { x1: '0', x2: '1', fill: theme.rssi, fillOpacity: 0.12 })]
		: [];
}

/** Time to first detection (min) per mission over the calendar; brushing selects dates. */
export function ttdCalendarOptions(
	rows: readonly FleetFact[],
	size: Size,
	o: { theme?: ChartTheme; brush?: Range } = {}
): Plot.PlotOptions {
	const t = o.theme ?? DARK_CHART;
	const data = rows
		.filter((r) => finite(r.time_to_detection_s))
		.map((r) => ({ ...r, t: new Date(r.started_at), min: (r.time_to_detection_s as number) / 60 }));
	return {
		...size,
		marginLeft: 44,
		style: chartStyle(t),
		x: { type: 'utc', label: 'Mission start (UTC)' },
		y: { label: 'First detection (min)', grid: true, zero: true },
		marks: [
			...band(o.brush, t),
			Plot.dot(data, { x: 't', y: 'min', fill: t.rssi, r: 3, tip: true, title: 'mission_id' })
		]
	};
}

/** Missions binned by a number, with reference lines; brushing selects a range of it. */
function histogram(
	values: number[],
	size: Size,
	o: { theme?: ChartTheme; brush?: Range; label: string; rules: number[]; domainMax: number }
): Plot.PlotOptions {
	const t = o.theme ?? DARK_CHART;
	return {
		...size,
		marginLeft: 40,
		style: chartStyle(t),
		x: { label: o.label, domain: [0, Math.max(o.domainMax, ...values)] },
		y: { label: 'Missions', grid: true },
		marks: [
			...band(o.brush, t),
			Plot.rectY(values, {
				...(Plot.binX(
					{ y: 'count' },
					{ x: (v: number) => v, thresholds: 16 }
				) as Plot.RectYOptions),
				fill: t.rssi
			}),
			Plot.ruleX(o.rules, { stroke: t.trigger, strokeDasharray: '4,3' }),
			Plot.ruleY([0])
		]
	};
}

type HistOpts = { theme?: ChartTheme; brush?: Range };

/** Distribution of detection range (m), FR1's 500 m marked. */
export const rangeHistogramOptions = (rows: readonly FleetFact[], size: Size, o: HistOpts = {}) =>
	histogram(rows.map((r) => r.detection_range_m).filter(finite), size, {
		...o,
		label: 'Detection range (m)',
		rules: [FR1_M],
		domainMax: 600
	});

/** Search time (min) per mission against the 120-min baseline and the 70 % goal (36 min). */
export const searchTimeOptions = (rows: readonly FleetFact[], size: Size, o: HistOpts = {}) =>
	histogram(rows.map((r) => r.search_time_min).filter(finite), size, {
		...o,
		label: `Search time (min): goal ≤ ${GOAL_MIN}, baseline ${BASELINE_MIN}`,
		rules: [GOAL_MIN, BASELINE_MIN],
		domainMax: BASELINE_MIN + 10
	});

/** Horizontal bars, one per category, in the order given (pass rates, hours per state). */
function bars<T>(
	rows: readonly T[],
	categories: string[],
	size: Size,
	o: { theme: ChartTheme; marginLeft: number; x: Plot.ScaleOptions; bar: Plot.BarXOptions }
): Plot.PlotOptions {
	return {
		...size,
		marginLeft: o.marginLeft,
		style: chartStyle(o.theme),
		x: { grid: true, ...o.x },
		y: { label: null, domain: categories },
		color: { domain: Object.keys(STATE_COLORS), range: Object.values(STATE_COLORS) },
		marks: [Plot.barX(rows, { tip: true, ...o.bar }), Plot.ruleX([0])]
	};
}

/** Pass share per requirement among the judged missions (the count of each in the tip). */
export function passRateOptions(
	rates: readonly PassRate[],
	size: Size,
	o: { theme?: ChartTheme } = {}
): Plot.PlotOptions {
	const t = o.theme ?? DARK_CHART;
	return bars(
		rates.filter((r) => r.pass_pct != null),
		rates.map((r) => r.requirement),
		size,
		{
			theme: t,
			marginLeft: 110,
			x: { label: 'Pass (% of judged missions)', domain: [0, 100] },
			bar: {
				x: 'pass_pct',
				y: 'requirement',
				fill: t.rssi,
				title: (r: PassRate) => `${r.pass} pass, ${r.fail} fail, ${r.unjudged} not judged`
			}
		}
	);
}

/** Hours spent in each flight state across the chosen missions. */
export function dwellOptions(
	hours: readonly { state: string; hours: number }[],
	size: Size,
	o: { theme?: ChartTheme } = {}
): Plot.PlotOptions {
	return bars(
		hours,
		hours.map((h) => h.state),
		size,
		{
			theme: o.theme ?? DARK_CHART,
			marginLeft: 90,
			x: { label: 'Hours' },
			bar: { x: 'hours', y: 'state', fill: 'state' }
		}
	);
}
