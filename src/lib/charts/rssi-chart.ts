/**
 * Pure Observable Plot option builders for the signal charts: RSSI with noise floor and the
 * trigger/drop thresholds, and SNR with the same thresholds.
 */
import * as Plot from '@observablehq/plot';
import { chartStyle, DARK_CHART, type ChartTheme } from './theme';

export { DARK_CHART, LIGHT_CHART } from './theme';

/** One row of the `rssi_series` query (bucketed for long missions). */
export interface RssiSeriesPoint {
	t_rel_s: number;
	rssi_min_dbm: number | null;
	rssi_max_dbm: number | null;
	rssi_mean_dbm: number | null;
	noise_floor_dbm: number | null;
	snr_db: number | null;
	detected: boolean | null;
}

export interface SignalChartOpts {
	theme?: ChartTheme;
	/** Visible time range (s); null = whole mission. */
	domain?: [number, number] | null;
	/** SNR trigger and drop thresholds (dB), the Pi's 12 / 6 by default. */
	triggerDb?: number;
	dropDb?: number;
}

const finite = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

function visible<T extends { t_rel_s: number }>(rows: readonly T[], d?: [number, number] | null) {
	return d ? rows.filter((r) => r.t_rel_s >= d[0] && r.t_rel_s <= d[1]) : [...rows];
}

/** RSSI (min–max band and mean), noise floor, trigger/drop levels and detected spans. */
export function rssiChartOptions(
	rows: readonly RssiSeriesPoint[],
	size: { width: number; height: number },
	o: SignalChartOpts = {}
): Plot.PlotOptions {
	const t = o.theme ?? DARK_CHART;
	const trig = o.triggerDb ?? 12;
	const drop = o.dropDb ?? 6;
	const data = visible(rows, o.domain).filter((r) => finite(r.rssi_mean_dbm));
	const floor = data.filter((r) => finite(r.noise_floor_dbm));
	const detected = data.filter((r) => r.detected);
	// Detected spans as a thin strip along the top, so they never hide the signal.
	let top = -Infinity;
	for (const r of data) top = Math.max(top, r.rssi_max_dbm ?? r.rssi_mean_dbm ?? -Infinity);
	const strip = { y1: top + 1, y2: top + 3 };
	const level = (k: number) => (r: RssiSeriesPoint) => (r.noise_floor_dbm as number) + k;
	return {
		width: size.width,
		height: size.height,
		marginLeft: 48,
		style: chartStyle(t),
		x: { label: 'Mission time (s)', grid: true, domain: o.domain ?? undefined },
		y: { label: 'dBm', grid: true },
		marks: [
			Plot.ruleX(detected, { x: 't_rel_s', ...strip, stroke: t.detect, strokeWidth: 2 }),
			Plot.areaY(data, {
				x: 't_rel_s',
				y1: 'rssi_min_dbm',
				y2: 'rssi_max_dbm',
				fill: t.band,
				fillOpacity: 0.6
			}),
			Plot.lineY(data, { x: 't_rel_s', y: 'rssi_mean_dbm', stroke: t.rssi, strokeWidth: 1.2 }),
			Plot.lineY(floor, { x: 't_rel_s', y: 'noise_floor_dbm', stroke: t.noise, strokeWidth: 1.5 }),
			Plot.lineY(floor, {
				x: 't_rel_s',
				y: level(trig),
				stroke: t.trigger,
				strokeDasharray: '4,3',
				strokeWidth: 1
			}),
			Plot.lineY(floor, {
				x: 't_rel_s',
				y: level(drop),
				stroke: t.drop,
				strokeDasharray: '2,3',
				strokeWidth: 1
			})
		]
	};
}

/** SNR over time with the trigger and drop thresholds. */
export function snrChartOptions(
	rows: readonly RssiSeriesPoint[],
	size: { width: number; height: number },
	o: SignalChartOpts = {}
): Plot.PlotOptions {
	const t = o.theme ?? DARK_CHART;
	const data = visible(rows, o.domain).filter((r) => finite(r.snr_db));
	return {
		width: size.width,
		height: size.height,
		marginLeft: 48,
		style: chartStyle(t),
		x: { label: 'Mission time (s)', grid: true, domain: o.domain ?? undefined },
		y: { label: 'SNR (dB)', grid: true },
		marks: [
			Plot.ruleY([o.triggerDb ?? 12], { stroke: t.trigger, strokeDasharray: '4,3' }),
			Plot.ruleY([o.dropDb ?? 6], { stroke: t.drop, strokeDasharray: '2,3' }),
			Plot.lineY(data, { x: 't_rel_s', y: 'snr_db', stroke: t.rssi, strokeWidth: 1 })
		]
	};
}
