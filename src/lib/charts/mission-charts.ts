/**
 * Pure Plot builders for the rest of the review: state timeline band, one telemetry metric
 * (the small multiples), spatial-gradient bearing and confidence, and RSSI histogram by state.
 */
import * as Plot from '@observablehq/plot';
import { chartStyle, DARK_CHART, stateColorScale, type ChartTheme } from './theme';

type Size = { width: number; height: number };

export interface StateInterval {
	state: string;
	start_s: number;
	end_s: number;
	allowed?: boolean | null;
}

/** Flight states as a band of coloured intervals over mission time. */
export function stateBandOptions(
	rows: readonly StateInterval[],
	size: Size,
	o: { theme?: ChartTheme; domain?: [number, number] | null } = {}
): Plot.PlotOptions {
	const t = o.theme ?? DARK_CHART;
	return {
		width: size.width,
		height: size.height,
		marginLeft: 48,
		marginTop: 4,
		marginBottom: 4,
		style: chartStyle(t),
		// The time axis is the charts' above; the state colours are in the map legend's State mode.
		x: { axis: null, domain: o.domain ?? undefined },
		color: stateColorScale(),
		marks: [
			Plot.rectX(rows, {
				x1: 'start_s',
				x2: 'end_s',
				fill: 'state',
				stroke: (r: StateInterval) => (r.allowed === false ? '#ff0000' : 'none'),
				title: (r: StateInterval) => `${r.state} ${Math.round(r.end_s - r.start_s)} s`
			})
		]
	};
}

/** One telemetry metric over time (a small multiple). */
export function metricOptions<T extends { t_rel_s: number }>(
	rows: readonly T[],
	key: keyof T & string,
	label: string,
	size: Size,
	o: { theme?: ChartTheme; domain?: [number, number] | null } = {}
): Plot.PlotOptions {
	const t = o.theme ?? DARK_CHART;
	const data = rows.filter((r) => {
		const v = r[key];
		return typeof v === 'number' && Number.isFinite(v);
	});
	return {
		width: size.width,
		height: size.height,
		marginLeft: 48,
		marginTop: 18,
		style: chartStyle(t),
		x: { label: null, domain: o.domain ?? undefined },
		y: { label, grid: true, nice: true },
		marks: [Plot.lineY(data, { x: 't_rel_s', y: key, stroke: t.rssi, strokeWidth: 1.2 })]
	};
}

export interface GradientPoint {
	t_rel_s: number;
	bearing_deg: number | null;
	r2: number | null;
}

/** Spatial-gradient bearing (dots shaded by confidence R²) over time. */
export function gradientOptions(
	rows: readonly GradientPoint[],
	size: Size,
	o: { theme?: ChartTheme; domain?: [number, number] | null } = {}
): Plot.PlotOptions {
	const t = o.theme ?? DARK_CHART;
	const data = rows.filter((r) => r.bearing_deg !== null && r.r2 !== null);
	return {
		width: size.width,
		height: size.height,
		marginLeft: 48,
		style: chartStyle(t),
		x: { label: 'Mission time (s)', domain: o.domain ?? undefined },
		y: {
			label: 'Gradient bearing (°)',
			domain: [0, 360],
			ticks: [0, 90, 180, 270, 360],
			grid: true
		},
		opacity: { domain: [0, 1], range: [0.1, 1] },
		marks: [
			Plot.dot(data, { x: 't_rel_s', y: 'bearing_deg', r: 2, fill: t.rssi, fillOpacity: 'r2' })
		]
	};
}

export interface HistogramBin {
	system_state: string;
	bin_dbm: number;
	n: number;
	share: number;
}

/** RSSI histogram per state (share of each state's samples per bin). */
export function histogramOptions(
	rows: readonly HistogramBin[],
	size: Size,
	o: { theme?: ChartTheme; binDb?: number } = {}
): Plot.PlotOptions {
	const t = o.theme ?? DARK_CHART;
	const w = o.binDb ?? 2;
	return {
		width: size.width,
		height: size.height,
		marginLeft: 48,
		style: chartStyle(t),
		x: { label: 'RSSI (dBm)' },
		y: { label: 'Share of state samples', grid: true, percent: true },
		color: { ...stateColorScale(), legend: true },
		marks: [
			Plot.rectY(rows, {
				x1: 'bin_dbm',
				x2: (r: HistogramBin) => r.bin_dbm + w,
				y: 'share',
				fill: 'system_state',
				fillOpacity: 0.55,
				mixBlendMode: 'normal'
			}),
			Plot.ruleY([0])
		]
	};
}
