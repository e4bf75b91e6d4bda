/** Live KPI cards, named as in the review view's data-kpi contract. Pure. */
import { formatNumber } from '$lib/transforms/format';
import { bearingDeg, distanceM, type LatLon } from '$lib/geo';
import type { LiveCountsRow } from '$lib/queries/live-counts';
import type { LiveView } from './view';

export interface LiveKpi {
	name: string;
	label: string;
	value: number | null;
	display: string;
}

const kpi = (name: string, label: string, value: number | null, digits = 0, unit = '') => ({
	name,
	label,
	value,
	display: formatNumber(value, digits, unit)
});

/** Where the beacon is thought to be, and how sure (the radius is null for the centroid). */
export interface LiveBeacon {
	lat_deg: number;
	lon_deg: number;
	uncertainty_m: number | null;
	/** 'fit': the review's log-distance fit; 'centroid': the running centroid until a fit exists. */
	kind: 'fit' | 'centroid';
}

/** The fitted estimate when there is one, else the running centroid of the strongest samples. */
export function liveBeacon(
	fit: {
		est_lat_deg: number | null;
		est_lon_deg: number | null;
		uncertainty_m: number | null;
	} | null,
	v: LiveView | null
): LiveBeacon | null {
	if (fit && fit.est_lat_deg !== null && fit.est_lon_deg !== null)
		return {
			lat_deg: fit.est_lat_deg,
			lon_deg: fit.est_lon_deg,
			uncertainty_m: fit.uncertainty_m,
			kind: 'fit'
		};
	const b = v?.beacon;
	return b
		? { lat_deg: b.lat_deg, lon_deg: b.lon_deg, uncertainty_m: null, kind: 'centroid' }
		: null;
}

/** What the KPI cards show of the live beacon posterior (`LiveRegions` of the beacon worker). */
export interface LivePosteriorKpis {
	area90_m2: number;
	reach90_m: number;
	next: { gain_pct: number } | null;
}

/**
 * Counts come from DuckDB (what is recorded); the live window from the ring buffers; the 90 %
 * region and the next leg's expected gain from the beacon posterior.
 */
export function liveKpis(
	v: LiveView | null,
	c: LiveCountsRow | null,
	beacon: LiveBeacon | null = liveBeacon(null, v),
	posterior: LivePosteriorKpis | null = null
): LiveKpi[] {
	return [
		kpi('rssi_samples', 'RSSI samples', c?.rssi_samples ?? null),
		kpi('telemetry_samples', 'Telemetry samples', c?.telemetry_samples ?? null),
		kpi('detections', 'Detections', c?.detections ?? null),
		kpi('state_transitions', 'State transitions', c?.state_transitions ?? null),
		kpi('link_gaps', 'Link gaps', c?.link_gaps ?? null),
		kpi('gap_s', 'Time in gaps', c?.gap_s ?? null, 1, 's'),
		kpi('noise_floor_p10_dbm', 'Noise floor (p10 of 100)', v?.noiseFloorDbm ?? null, 1, 'dBm'),
		kpi('max_rssi_dbm', 'Max RSSI', c?.max_rssi_dbm ?? null, 1, 'dBm'),
		kpi('beacon_est_lat', 'Beacon est. lat', beacon?.lat_deg ?? null, 6),
		kpi('beacon_est_lon', 'Beacon est. lon', beacon?.lon_deg ?? null, 6),
		kpi('beacon_est_err_m', 'Estimate uncertainty', beacon?.uncertainty_m ?? null, 0, 'm'),
		// Where to fly (or walk): from the drone to the estimate.
		kpi('beacon_range_m', 'Drone → estimate', toBeacon(v, beacon, distanceM), 0, 'm'),
		kpi('beacon_bearing_deg', 'Bearing to estimate', toBeacon(v, beacon, wholeBearing), 0, '°'),
		kpi('live_region90_m2', 'Beacon 90 % area', posterior?.area90_m2 ?? null, 0, 'm²'),
		kpi('live_region90_reach_m', '90 % area reach', posterior?.reach90_m ?? null, 0, 'm'),
		kpi('next_leg_gain_pct', 'Next leg: area −', posterior?.next?.gain_pct ?? null, 0, '%')
	];
}

function toBeacon(
	v: LiveView | null,
	b: LiveBeacon | null,
	f: (from: LatLon, to: LatLon) => number
): number | null {
	const p = v?.position;
	return p && b ? f(p, b) : null;
}

/** Whole degrees in [0, 360): 359.6° reads 0°, not 360°. */
const wholeBearing = (from: LatLon, to: LatLon): number => Math.round(bearingDeg(from, to)) % 360;
