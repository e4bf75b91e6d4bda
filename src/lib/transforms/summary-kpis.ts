/** Mission summary row → KPI cards. Pure. */
import { formatDuration, formatNumber } from './format';

export interface SummaryLike {
	duration_s: number | null;
	rssi_samples: number | null;
	telemetry_samples: number | null;
	detections: number | null;
	max_rssi_dbm: number | null;
	noise_floor_p10_dbm: number | null;
	first_detection_s: number | null;
}

export interface KpiView {
	name: string;
	label: string;
	value: number | null;
	display: string;
}

/** The foundation KPIs, names as the data-kpi contract of the review view. */
export function summaryKpis(s: SummaryLike): KpiView[] {
	return [
		{
			name: 'duration_s',
			label: 'Duration',
			value: s.duration_s,
			display: formatDuration(s.duration_s)
		},
		{
			name: 'rssi_samples',
			label: 'RSSI samples',
			value: s.rssi_samples,
			display: formatNumber(s.rssi_samples, 0)
		},
		{
			name: 'telemetry_samples',
			label: 'Telemetry samples',
			value: s.telemetry_samples,
			display: formatNumber(s.telemetry_samples, 0)
		},
		{
			name: 'detections',
			label: 'Detections',
			value: s.detections,
			display: formatNumber(s.detections, 0)
		},
		{
			name: 'max_rssi_dbm',
			label: 'Max RSSI',
			value: s.max_rssi_dbm,
			display: formatNumber(s.max_rssi_dbm, 1, 'dBm')
		},
		{
			name: 'noise_floor_p10_dbm',
			label: 'Noise floor (p10)',
			value: s.noise_floor_p10_dbm,
			display: formatNumber(s.noise_floor_p10_dbm, 1, 'dBm')
		},
		{
			name: 'time_to_detection_s',
			label: 'First detection',
			value: s.first_detection_s,
			display: s.first_detection_s === null ? 'none' : formatDuration(s.first_detection_s)
		}
	];
}
