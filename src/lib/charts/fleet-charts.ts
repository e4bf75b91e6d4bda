/**
 * Pure Plot builders for fleet views across many missions: detection range against beacon power,
 * the time-to-detection distribution, and approach error.
 */
import * as Plot from '@observablehq/plot';
import { chartStyle, DARK_CHART, type ChartTheme } from './theme';

type Size = { width: number; height: number };

export interface FleetRow {
	mission_id: string;
	name: string | null;
	scenario: string | null;
	beacon_power_dbm: number | null;
	detection_range_m?: number | null;
	time_to_detection_s?: number | null;
	approach_accuracy_m?: number | null;
}

const has = (k: keyof FleetRow) => (r: FleetRow) =>
	typeof r[k] === 'number' && Number.isFinite(r[k]);

/** Detection range (m) against beacon power (dBm), one dot per mission, FR1's 500 m marked. */
export function rangeVsPowerOptions(
	rows: readonly FleetRow[],
	size: Size,
	theme: ChartTheme = DARK_CHART
): Plot.PlotOptions {
	const data = rows.filter((r) => has('detection_range_m')(r) && has('beacon_power_dbm')(r));
	return {
		...size,
		marginLeft: 52,
		style: chartStyle(theme),
		x: { label: 'Beacon power (dBm)', grid: true },
		y: {
			label: 'Detection range (m)',
			grid: true,
			domain: [0, Math.max(600, ...data.map((r) => r.detection_range_m as number))]
		},
		color: { legend: true },
		marks: [
			Plot.ruleY([500], { stroke: theme.trigger, strokeDasharray: '4,3' }),
			Plot.dot(data, {
				x: 'beacon_power_dbm',
				y: 'detection_range_m',
				fill: 'scenario',
				r: 4,
				tip: true,
				title: (r: FleetRow) => r.name ?? r.mission_id
			})
		]
	};
}

/** Distribution of time to first detection (minutes). */
export function timeToDetectionOptions(
	rows: readonly FleetRow[],
	size: Size,
	theme: ChartTheme = DARK_CHART
): Plot.PlotOptions {
	const data = rows
		.filter(has('time_to_detection_s'))
		.map((r) => ({ ...r, min: (r.time_to_detection_s as number) / 60 }));
	return {
		...size,
		marginLeft: 40,
		style: chartStyle(theme),
		x: { label: 'Time to first detection (min)' },
		y: { label: 'Missions', grid: true },
		marks: [
			Plot.rectY(data, {
				...(Plot.binX({ y: 'count' }, { x: 'min', thresholds: 12 }) as Plot.RectYOptions),
				fill: theme.rssi
			}),
			Plot.ruleY([0])
		]
	};
}

/** Approach error (m) per mission, with Story 3.4's 50 m line. */
export function approachErrorOptions(
	rows: readonly FleetRow[],
	size: Size,
	theme: ChartTheme = DARK_CHART
): Plot.PlotOptions {
	const data = rows.filter(has('approach_accuracy_m'));
	return {
		...size,
		marginLeft: 40,
		style: chartStyle(theme),
		x: {
			label: 'Approach error (m)',
			domain: [0, Math.max(60, ...data.map((r) => r.approach_accuracy_m as number))]
		},
		y: { label: 'Missions', grid: true },
		marks: [
			Plot.rectY(data, {
				...(Plot.binX(
					{ y: 'count' },
					{ x: 'approach_accuracy_m', thresholds: 12 }
				) as Plot.RectYOptions),
				fill: theme.rssi
			}),
			Plot.ruleX([50], { stroke: theme.trigger, strokeDasharray: '4,3' }),
			Plot.ruleY([0])
		]
	};
}
