/** Live KPI cards, named as in the review view's data-kpi contract. Pure. */
import { formatNumber } from '$lib/transforms/format';
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

/** Counts come from DuckDB (what is recorded); the live window from the ring buffers. */
export function liveKpis(v: LiveView | null, c: LiveCountsRow | null): LiveKpi[] {
	return [
		kpi('rssi_samples', 'RSSI samples', c?.rssi_samples ?? null),
		kpi('telemetry_samples', 'Telemetry samples', c?.telemetry_samples ?? null),
		kpi('detections', 'Detections', c?.detections ?? null),
		kpi('state_transitions', 'State transitions', c?.state_transitions ?? null),
		kpi('link_gaps', 'Link gaps', c?.link_gaps ?? null),
		kpi('gap_s', 'Time in gaps', c?.gap_s ?? null, 1, 's'),
		kpi('noise_floor_p10_dbm', 'Noise floor (p10 of 100)', v?.noiseFloorDbm ?? null, 1, 'dBm'),
		kpi('max_rssi_dbm', 'Max RSSI', c?.max_rssi_dbm ?? null, 1, 'dBm'),
		kpi('beacon_est_lat', 'Beacon est. lat', v?.beacon?.lat_deg ?? null, 6),
		kpi('beacon_est_lon', 'Beacon est. lon', v?.beacon?.lon_deg ?? null, 6)
	];
}
