/** Chart colours for the dark (night) and light (sunlight) themes, and state colours. */

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

/** One colour per Pi state, distinguishable on both themes. */
export const STATE_COLORS: Record<string, string> = {
	IDLE: '#7f8c8d',
	SEARCHING: '#3a86ff',
	DETECTING: '#ffbe0b',
	HOMING: '#fb5607',
	HOLDING: '#2ec27e',
	EMERGENCY: '#e01b24',
	UNKNOWN: '#9e9e9e'
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
