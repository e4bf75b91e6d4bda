/**
 * The Pi's search pattern (`GET /api/search/pattern/preview`: waypoints {index, lat, lon, alt} and
 * the boundary): parsed tolerantly, recorded as the contract's search_pattern and waypoint rows
 * (so a saved flight shows its plan in review), and drawn on the live map.
 */
import type { SearchPatternRow, WaypointRow } from '$lib/contract';
import type { PatternLike } from '$lib/transforms/map-features';
import { toLocal } from '$lib/geo';

export interface PiPattern {
	patternId: string | null;
	patternType: string | null;
	waypoints: { idx: number; lat_deg: number; lon_deg: number; alt_m: number | null }[];
	/** GeoJSON (a Polygon or a Feature holding one), as text; null when the Pi sends none. */
	boundaryGeojson: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The preview's JSON → a pattern; null when it holds no usable waypoint. */
export function parsePatternPreview(json: unknown): PiPattern | null {
	if (!isObj(json)) return null;
	const list = Array.isArray(json.waypoints) ? json.waypoints : [];
	const waypoints: PiPattern['waypoints'] = [];
	list.forEach((w, i) => {
		if (!isObj(w)) return;
		const lat = num(w.lat);
		const lon = num(w.lon);
		if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return;
		waypoints.push({ idx: num(w.index) ?? i, lat_deg: lat, lon_deg: lon, alt_m: num(w.alt) });
	});
	if (!waypoints.length) return null;
	const id = json.pattern_id;
	const type = json.pattern_type;
	return {
		patternId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
		patternType: typeof type === 'string' ? type : null,
		waypoints,
		boundaryGeojson: isObj(json.boundary) ? JSON.stringify(json.boundary) : null
	};
}

/** Contract rows for a pattern; north/east from the live origin when it is known. */
export function patternRows(
	missionId: string,
	p: PiPattern,
	origin: { lat: number; lon: number } | null
): { search_pattern: SearchPatternRow[]; waypoint: WaypointRow[] } {
	const o = origin && { lat_deg: origin.lat, lon_deg: origin.lon };
	return {
		search_pattern: [
			{
				mission_id: missionId,
				pattern_id: p.patternId,
				pattern_type: p.patternType,
				spacing_m: null,
				velocity_mps: null,
				altitude_m: p.waypoints[0]?.alt_m ?? null,
				boundary_geojson: p.boundaryGeojson
			}
		],
		waypoint: p.waypoints.map((w) => {
			const ne = o ? toLocal(w, o) : null;
			return {
				mission_id: missionId,
				pattern_id: p.patternId,
				idx: w.idx,
				lat_deg: w.lat_deg,
				lon_deg: w.lon_deg,
				north_m: ne?.north_m ?? null,
				east_m: ne?.east_m ?? null,
				alt_m: w.alt_m,
				reached_at: null
			};
		})
	};
}

/** What the map draws. */
export function patternView(p: PiPattern | null): PatternLike | null {
	return p ? { boundary_geojson: p.boundaryGeojson, waypoints: p.waypoints } : null;
}
