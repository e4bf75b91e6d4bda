/**
 * Map colours per app theme and the colour expressions the layer specs share (the track's colour
 * mode, the RSSI ramps). Pure; the shared ramps and state colours come from `$lib/colors`.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { COMPARE_COLORS, RSSI_STOPS, SNR_STOPS, STATE_COLORS } from '$lib/colors';
import { DARK_BASEMAP, LIGHT_BASEMAP, type BasemapPalette } from './basemap-style';

/** The colours every map's layers are painted with, for one app theme. */
export interface MapTheme {
	background: string;
	grid: string;
	boundary: string;
	path: string;
	detection: string;
	beacon: string;
	estimate: string;
	home: string;
	drone: string;
	arrow: string;
	/** The live trail. */
	trail: string;
	/** The live map's search plan (pattern and boundary in one quieter colour). */
	plan: string;
	/** How a basemap is drawn under the layers. */
	basemap: BasemapPalette;
}

export const DARK_MAP: MapTheme = {
	background: '#0d1b24',
	grid: '#1f3442',
	boundary: '#8aa1b1',
	path: '#5b7385',
	detection: '#ff4d6d',
	beacon: '#ffd166',
	estimate: '#2ec27e',
	home: '#ffffff',
	drone: '#ffffff',
	arrow: '#c77dff',
	trail: '#9ad1ff',
	plan: '#7f97a6',
	basemap: DARK_BASEMAP
};

export const LIGHT_MAP: MapTheme = {
	background: '#f4f1ea',
	grid: '#d8d2c4',
	boundary: '#3a4650',
	path: '#8797a3',
	detection: '#c1121f',
	beacon: '#8a5a00',
	estimate: '#00702f',
	home: '#000000',
	drone: '#000000',
	arrow: '#6a1b9a',
	trail: '#004b8d',
	plan: '#5a6b78',
	basemap: LIGHT_BASEMAP
};

/** The map colours of an app theme. */
export const mapTheme = (theme: 'dark' | 'light'): MapTheme =>
	theme === 'dark' ? DARK_MAP : LIGHT_MAP;

/** How the track is coloured; 'mission' tells two compared missions apart (property `mission`). */
export type ColorMode = 'rssi' | 'snr' | 'state' | 'mission';

/** A linear ramp over a numeric property; features without the property are grey. */
export function ramp(prop: string, stops: readonly [number, string][]): ExpressionSpecification {
	return [
		'case',
		['==', ['get', prop], null],
		'#888888',
		['interpolate', ['linear'], ['get', prop], ...stops.flat()]
	] as ExpressionSpecification;
}

/** The track's line colour for a colour mode. */
export function trackColor(mode: ColorMode): ExpressionSpecification {
	if (mode === 'snr') return ramp('snr_db', SNR_STOPS);
	if (mode === 'mission') {
		return [
			'match',
			['get', 'mission'],
			'A',
			COMPARE_COLORS.A,
			'B',
			COMPARE_COLORS.B,
			'#888888'
		] as unknown as ExpressionSpecification;
	}
	if (mode === 'state') {
		return [
			'match',
			['get', 'system_state'],
			...Object.entries(STATE_COLORS).flat(),
			'#888888'
		] as unknown as ExpressionSpecification;
	}
	return ramp('rssi_dbm', RSSI_STOPS);
}
