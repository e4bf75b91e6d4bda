/** Chart colours for the dark (night) and light (sunlight) themes; the state scale. */
import { STATE_COLORS } from '$lib/colors';

export interface ChartTheme {
	fg: string;
	muted: string;
	rssi: string;
	band: string;
	noise: string;
	detect: string;
	trigger: string;
	drop: string;
}

export const DARK_CHART: ChartTheme = {
	fg: '#e6eef3',
	muted: '#8aa1b1',
	rssi: '#9ad1ff',
	band: '#2b5576',
	noise: '#ffd166',
	detect: '#ff4d6d',
	trigger: '#ff8fa3',
	drop: '#c77dff'
};
export const LIGHT_CHART: ChartTheme = {
	fg: '#111111',
	muted: '#555555',
	rssi: '#004b8d',
	band: '#9cc3e6',
	noise: '#8a5a00',
	detect: '#c1121f',
	trigger: '#c1121f',
	drop: '#6a1b9a'
};

/** Plot's ordinal colour scale for states. */
export function stateColorScale() {
	return {
		type: 'ordinal' as const,
		domain: Object.keys(STATE_COLORS),
		range: Object.values(STATE_COLORS),
		legend: false
	};
}

export const chartStyle = (t: ChartTheme) => ({
	background: 'transparent',
	color: t.fg,
	fontSize: '12px',
	overflow: 'visible' as const
});
