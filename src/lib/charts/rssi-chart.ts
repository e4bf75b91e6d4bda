/**
 * Pure Observable Plot option builder for the RSSI / noise-floor chart.
 */
import * as Plot from '@observablehq/plot';

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

export interface ChartTheme {
	fg: string;
	muted: string;
	rssi: string;
	band: string;
	noise: string;
	detect: string;
}

export const DARK_CHART: ChartTheme = {
	fg: '#e6eef3',
	muted: '#8aa1b1',
	rssi: '#9ad1ff',
	band: '#2b5576',
	noise: '#ffd166',
	detect: '#ff4d6d'
};
export const LIGHT_CHART: ChartTheme = {
	fg: '#111111',
	muted: '#555555',
	rssi: '#004b8d',
	band: '#9cc3e6',
	noise: '#8a5a00',
	detect: '#c1121f'
};

/** RSSI (min–max band and mean) with the noise floor and detected spans over mission time. */
export function rssiChartOptions(
	rows: readonly RssiSeriesPoint[],
	size: { width: number; height: number },
	theme: ChartTheme = DARK_CHART
): Plot.PlotOptions {
	const finite = (v: number | null) => v !== null && Number.isFinite(v);
	const data = rows.filter((r) => finite(r.rssi_mean_dbm));
	const detected = data.filter((r) => r.detected);
	// Detected spans as a thin strip along the top, so they never hide the signal.
	let top = -Infinity;
	for (const r of data) top = Math.max(top, r.rssi_max_dbm ?? r.rssi_mean_dbm ?? -Infinity);
	const strip = { y1: top + 1, y2: top + 3 };
	return {
		width: size.width,
		height: size.height,
		marginLeft: 48,
		style: { background: 'transparent', color: theme.fg, fontSize: '12px' },
		x: { label: 'Mission time (s)', grid: true },
		y: { label: 'dBm', grid: true },
		marks: [
			Plot.ruleX(detected, { x: 't_rel_s', ...strip, stroke: theme.detect, strokeWidth: 2 }),
			Plot.areaY(data, {
				x: 't_rel_s',
				y1: 'rssi_min_dbm',
				y2: 'rssi_max_dbm',
				fill: theme.band,
				fillOpacity: 0.6
			}),
			Plot.lineY(data, { x: 't_rel_s', y: 'rssi_mean_dbm', stroke: theme.rssi, strokeWidth: 1.2 }),
			Plot.lineY(
				rows.filter((r) => finite(r.noise_floor_dbm)),
				{ x: 't_rel_s', y: 'noise_floor_dbm', stroke: theme.noise, strokeWidth: 1.5 }
			)
		]
	};
}
