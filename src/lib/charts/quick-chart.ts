/**
 * Pure Plot options for the SQL console's quick chart: any result, x and y chosen by name, as a
 * line, dots or bars. Large results are thinned to a fixed number of points first (every k-th
 * row), so a million-row result still draws in a frame.
 */
import * as Plot from '@observablehq/plot';
import { chartStyle, DARK_CHART, type ChartTheme } from './theme';

export type QuickMark = 'line' | 'dot' | 'bar';
export interface QuickChartSpec {
	x: string;
	y: string;
	mark: QuickMark;
}

export const MAX_QUICK_POINTS = 5000;

/** Every k-th row so at most `max` remain (first and last kept). */
export function thin<T>(rows: readonly T[], max = MAX_QUICK_POINTS): T[] {
	if (rows.length <= max) return [...rows];
	const k = Math.ceil(rows.length / max);
	const out: T[] = [];
	for (let i = 0; i < rows.length; i += k) out.push(rows[i] as T);
	const last = rows[rows.length - 1];
	if (last !== undefined && out[out.length - 1] !== last) out.push(last);
	return out;
}

/** A sensible first choice: x = first column, y = first numeric column after it. */
export function defaultSpec(
	columns: readonly string[],
	sample: Record<string, unknown> | undefined
): QuickChartSpec | null {
	const numeric = columns.filter((c) => typeof sample?.[c] === 'number');
	const x = columns[0];
	const y = numeric.find((c) => c !== x) ?? numeric[0];
	if (!x || !y) return null;
	return { x, y, mark: typeof sample?.[x] === 'number' ? 'line' : 'bar' };
}

/** Plot options for `spec` over `rows`. */
export function quickChartOptions(
	rows: readonly Record<string, unknown>[],
	spec: QuickChartSpec,
	size: { width: number; height: number },
	theme: ChartTheme = DARK_CHART
): Plot.PlotOptions {
	const data = thin(rows.filter((r) => r[spec.y] != null && r[spec.x] != null));
	const common = { x: spec.x, y: spec.y };
	const mark =
		spec.mark === 'bar'
			? Plot.barY(data, { ...common, fill: theme.rssi })
			: spec.mark === 'dot'
				? Plot.dot(data, { ...common, r: 2, fill: theme.rssi })
				: Plot.lineY(data, { ...common, stroke: theme.rssi });
	return {
		width: size.width,
		height: size.height,
		marginLeft: 56,
		style: chartStyle(theme),
		x: { label: spec.x, grid: spec.mark !== 'bar' },
		y: { label: spec.y, grid: true },
		marks: [mark, ...(spec.mark === 'bar' ? [] : [Plot.ruleY([0], { stroke: theme.muted })])]
	};
}
