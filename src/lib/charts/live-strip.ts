/**
 * Pure Observable Plot builders for the live strip charts: the last 60 s of RSSI and noise floor
 * (dBm) and of SNR (dB, with the Pi's 12 dB trigger and 6 dB drop), link gaps shaded. x is
 * seconds before the newest sample, so the chart scrolls without re-scaling.
 */
import * as Plot from '@observablehq/plot';
import { PI_SIGNAL } from '$lib/contract';

/** Colours of the live strip charts. */
export interface LiveChartTheme {
	fg: string;
	muted: string;
	rssi: string;
	noise: string;
	detect: string;
}
export const DARK_LIVE_CHART: LiveChartTheme = {
	fg: '#e6eef3',
	muted: '#8aa1b1',
	rssi: '#9ad1ff',
	noise: '#ffd166',
	detect: '#ff4d6d'
};
export const LIGHT_LIVE_CHART: LiveChartTheme = {
	fg: '#111111',
	muted: '#555555',
	rssi: '#004b8d',
	noise: '#8a5a00',
	detect: '#c1121f'
};

export interface LiveStripPoint {
	t: number;
	rssi_dbm: number;
	noise_floor_dbm: number | null;
	snr_db: number | null;
}
export interface LiveStripInput {
	points: readonly LiveStripPoint[];
	gaps: readonly { from: number; to: number | null }[];
	/** Epoch ms of the newest sample (x = 0). */
	end: number;
}

export const WINDOW_S = 60;
const MAX_POINTS = 1200;

/** Every k-th point so at most MAX_POINTS are drawn (60 s at 10× speed is 6000 samples). */
export function thin<T>(xs: readonly T[], max = MAX_POINTS): T[] {
	if (xs.length <= max) return [...xs];
	const k = Math.ceil(xs.length / max);
	return xs.filter((_, i) => i % k === 0 || i === xs.length - 1);
}

/** Gaps clipped to the window, as x1/x2 in seconds before the end. */
export function gapBands(input: LiveStripInput): { x1: number; x2: number }[] {
	return input.gaps
		.map((g) => ({
			x1: Math.max(-WINDOW_S, (g.from - input.end) / 1000),
			x2: Math.min(0, ((g.to ?? input.end) - input.end) / 1000)
		}))
		.filter((g) => g.x2 > -WINDOW_S && g.x2 >= g.x1);
}

/** Points as x = seconds before the end, with a NaN break wherever samples are > 1.5 s apart. */
export function stripRows(input: LiveStripInput) {
	const out: (LiveStripPoint & { x: number })[] = [];
	let prev: number | null = null;
	for (const p of thin(input.points)) {
		const x = (p.t - input.end) / 1000;
		if (x < -WINDOW_S) continue;
		if (prev !== null && x - prev > 1.5)
			out.push({ t: p.t, x: (x + prev) / 2, rssi_dbm: NaN, noise_floor_dbm: NaN, snr_db: NaN });
		out.push({ ...p, x });
		prev = x;
	}
	return out;
}

function frame(size: { width: number; height: number }, theme: LiveChartTheme, y: string) {
	return {
		width: size.width,
		height: size.height,
		marginLeft: 48,
		style: { background: 'transparent', color: theme.fg, fontSize: '11px' },
		x: { domain: [-WINDOW_S, 0], label: 'seconds ago', grid: true },
		y: { label: y, grid: true }
	};
}

/** RSSI and noise floor, last 60 s. */
export function liveRssiOptions(
	input: LiveStripInput,
	size: { width: number; height: number },
	theme: LiveChartTheme
): Plot.PlotOptions {
	const data = stripRows(input);
	return {
		...frame(size, theme, 'dBm'),
		marks: [
			Plot.rectX(gapBands(input), { x1: 'x1', x2: 'x2', fill: theme.muted, fillOpacity: 0.25 }),
			Plot.lineY(data, { x: 'x', y: 'rssi_dbm', stroke: theme.rssi, strokeWidth: 1.2 }),
			Plot.lineY(
				data.filter((d) => d.noise_floor_dbm !== null),
				{ x: 'x', y: 'noise_floor_dbm', stroke: theme.noise, strokeWidth: 1.5 }
			)
		]
	};
}

/** SNR with the trigger and drop thresholds, last 60 s. */
export function liveSnrOptions(
	input: LiveStripInput,
	size: { width: number; height: number },
	theme: LiveChartTheme
): Plot.PlotOptions {
	const data = stripRows(input).filter((d) => d.snr_db !== null);
	return {
		...frame(size, theme, 'SNR dB'),
		marks: [
			Plot.rectX(gapBands(input), { x1: 'x1', x2: 'x2', fill: theme.muted, fillOpacity: 0.25 }),
			Plot.ruleY([PI_SIGNAL.snrTriggerDb], { stroke: theme.detect, strokeDasharray: '4,3' }),
			Plot.ruleY([PI_SIGNAL.snrDropDb], { stroke: theme.muted, strokeDasharray: '2,3' }),
			Plot.lineY(data, { x: 'x', y: 'snr_db', stroke: theme.fg, strokeWidth: 1 })
		]
	};
}
