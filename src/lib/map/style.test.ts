import { describe, expect, it } from 'vitest';
import { DARK_MAP, LIGHT_MAP, MAP_SOURCES, missionMapStyle, trackColor } from './style';

describe('missionMapStyle', () => {
	it('references no remote source, sprite or glyphs (offline)', () => {
		for (const theme of [DARK_MAP, LIGHT_MAP]) {
			const style = missionMapStyle(theme);
			expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
			expect(style.glyphs).toBeUndefined();
			expect(style.sprite).toBeUndefined();
			for (const src of Object.values(style.sources)) expect(src.type).toBe('geojson');
		}
	});

	it('has a source for every layer and draws the drone last', () => {
		const style = missionMapStyle(DARK_MAP);
		const ids = style.layers.map((l) => l.id);
		expect(ids[0]).toBe('background');
		expect(ids.at(-1)).toBe('drone');
		for (const l of style.layers) if ('source' in l) expect(MAP_SOURCES).toContain(l.source);
	});

	it('colours the track by RSSI, SNR or state', () => {
		expect(JSON.stringify(trackColor('rssi'))).toContain('rssi_dbm');
		expect(JSON.stringify(trackColor('snr'))).toContain('snr_db');
		expect(JSON.stringify(trackColor('state'))).toContain('HOMING');
	});
});
