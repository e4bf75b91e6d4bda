import { describe, expect, it } from 'vitest';
import { DARK_MAP, missionMapStyle } from './style';

describe('missionMapStyle', () => {
	it('references no remote source, sprite or glyphs (offline)', () => {
		const style = missionMapStyle(DARK_MAP);
		const text = JSON.stringify(style);
		expect(text).not.toMatch(/https?:\/\//);
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		for (const src of Object.values(style.sources)) expect(src.type).toBe('geojson');
	});

	it('draws the track, detections and markers above the background', () => {
		const ids = missionMapStyle(DARK_MAP).layers.map((l) => l.id);
		expect(ids[0]).toBe('background');
		expect(ids).toEqual(expect.arrayContaining(['track', 'detections', 'markers']));
	});
});
