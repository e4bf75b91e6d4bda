/**
 * Colours shared by the charts (Plot) and the maps (MapLibre), in one place so that the two
 * folders never import each other: state colours, the RSSI and SNR ramps, compared missions.
 */

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

/** Colour ramps: RSSI (dBm) weak blue → strong red; SNR (dB) around the 6/12 dB thresholds. */
export const RSSI_STOPS: readonly [number, string][] = [
	[-110, '#3b4cc0'],
	[-100, '#2c9fd6'],
	[-90, '#3bbf77'],
	[-80, '#f2c12e'],
	[-65, '#ff5a36']
];
export const SNR_STOPS: readonly [number, string][] = [
	[0, '#3b4cc0'],
	[6, '#2c9fd6'],
	[12, '#f2c12e'],
	[25, '#ff5a36']
];
/**
 * The live heat ramp reaches higher (−50 dBm): live cells hold each cell's maximum, and near the
 * beacon that is well above the track's strongest mean.
 */
export const LIVE_HEAT_STOPS: readonly [number, string][] = [
	[-110, '#3b4cc0'],
	[-95, '#2c9fd6'],
	[-80, '#3bbf77'],
	[-65, '#f2c12e'],
	[-50, '#ff5a36']
];

/** Colours of compared missions A and B (distinct on dark and light backgrounds, colour-blind safe). */
export const COMPARE_COLORS = { A: '#ff9f1c', B: '#2ec4ff' } as const;
