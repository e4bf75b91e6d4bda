import { PI_CHAIN_COLUMNS, type MissionRow } from '../contract';
import { SITE, toLatLon } from '../geo';
import { polygonGeoJson, ringAreaKm2 } from './rings';
import { DEFAULT_HOMING } from './homing';
import type { Flight } from './flight';

export const SIM_VERSION = 'pisad-sim 1.0.0';

/** The mission row: the Pi's signal constants, scenario, seed and search area. */
export function missionRow(f: Flight, seed: number, startMs: number, endMs: number): MissionRow {
	const { cfg, pattern } = f;
	return {
		mission_id: f.rec.missionId,
		name: `Simulated ${cfg.name} (seed ${seed})`,
		source: 'sim',
		started_at: startMs,
		ended_at: endMs,
		software_version: SIM_VERSION,
		center_frequency_hz: cfg.frequencyHz,
		...PI_CHAIN_COLUMNS,
		origin_lat_deg: SITE.lat_deg,
		origin_lon_deg: SITE.lon_deg,
		origin_alt_amsl_m: SITE.alt_amsl_m,
		search_area_geojson: polygonGeoJson(pattern.boundary),
		search_area_km2: ringAreaKm2(pattern.boundary),
		beacon_power_dbm: cfg.beacon?.power_dbm ?? null,
		scenario: cfg.name,
		seed,
		config_json: JSON.stringify({
			pattern: cfg.pattern,
			radio: cfg.radio,
			homing: DEFAULT_HOMING,
			homing_enabled: cfg.homingEnabled,
			bursts: cfg.bursts,
			battery_ah: cfg.batteryAh
		}),
		notes: cfg.notes
	};
}

/** One waypoint row per pattern waypoint; reached_at is filled while flying. */
export function waypointRows(f: Flight): void {
	f.pattern.waypoints.forEach((w, idx) => {
		const g = toLatLon(w);
		f.rec.tables.waypoint.push({
			mission_id: f.rec.missionId,
			pattern_id: f.patternId,
			idx,
			lat_deg: g.lat_deg,
			lon_deg: g.lon_deg,
			north_m: w.north_m,
			east_m: w.east_m,
			alt_m: f.cfg.pattern.altitude_m,
			reached_at: null
		});
	});
}

/** beacon_truth: the simulated beacon (none for no-beacon). */
export function beaconTruth(f: Flight): void {
	const b = f.cfg.beacon;
	if (!b) return;
	const g = toLatLon(b);
	f.rec.tables.beacon_truth.push({
		mission_id: f.rec.missionId,
		beacon_id: 'beacon-1',
		lat_deg: g.lat_deg,
		lon_deg: g.lon_deg,
		alt_amsl_m: SITE.alt_amsl_m,
		north_m: b.north_m,
		east_m: b.east_m,
		power_dbm: b.power_dbm,
		frequency_hz: f.cfg.frequencyHz,
		pulse_period_s: b.pulse_period_s,
		pulse_width_s: b.pulse_width_s
	});
}
