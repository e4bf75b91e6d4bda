/**
 * Mission KPI row → KPI cards with pass/fail against the requirements (pisad-domain.md §6).
 * Pure; the card names are the `data-kpi` contract of the review and live views.
 */
import { formatDuration, formatNumber } from './format';

/** Any subset of the KPI row: a card whose value is missing shows "—". */
export interface KpiLike {
	duration_s?: number | null;
	rssi_samples?: number | null;
	detections?: number | null;
	noise_floor_p10_dbm?: number | null;
	max_rssi_dbm?: number | null;
	time_to_detection_s?: number | null;
	detecting_to_homing_latency_s?: number | null;
	fr3_pass?: boolean | null;
	time_to_locate_s?: number | null;
	detection_range_m?: number | null;
	fr1_pass?: boolean | null;
	beacon_est_lat?: number | null;
	beacon_est_lon?: number | null;
	beacon_est_err_m?: number | null;
	/** Area of the beacon posterior's 90 % credible region, m². */
	beacon_region90_m2?: number | null;
	/** Farthest point of the 90 % region from the most probable point, m. */
	beacon_region90_reach_m?: number | null;
	approach_accuracy_m?: number | null;
	story34_pass?: boolean | null;
	homing_efficiency_pct?: number | null;
	rssi_improvement_db?: number | null;
	coverage_km2?: number | null;
	false_positives?: number | null;
	false_positive_rate_pct?: number | null;
	nfr7_pass?: boolean | null;
	/** Detections the beacon posterior's model explains / does not (detections-explained.ts). */
	detections_explained?: number | null;
	detections_unexplained?: number | null;
	detections_unexplained_pct?: number | null;
	/** truth | none | estimate | unknown: without truth, NFR7 is judged on the model's count. */
	beacon_reference?: string | null;
	search_time_min?: number | null;
	goal_70_pass?: boolean | null;
}

export interface KpiCard {
	name: string;
	label: string;
	value: number | null;
	display: string;
	status?: 'pass' | 'fail' | null;
	/** The requirement the status is judged against. */
	requirement?: string;
}

const st = (b: boolean | null | undefined): 'pass' | 'fail' | null =>
	b === true ? 'pass' : b === false ? 'fail' : null;
const n = (v: number | null | undefined, d = 1, unit = '') => formatNumber(v ?? null, d, unit);
const dur = (v: number | null | undefined) => (v == null ? '—' : formatDuration(v));

/** Every KPI is missing until a row says otherwise. */
const NONE: Required<KpiLike> = {
	duration_s: null,
	rssi_samples: null,
	detections: null,
	noise_floor_p10_dbm: null,
	max_rssi_dbm: null,
	time_to_detection_s: null,
	detecting_to_homing_latency_s: null,
	fr3_pass: null,
	time_to_locate_s: null,
	detection_range_m: null,
	fr1_pass: null,
	beacon_est_lat: null,
	beacon_est_lon: null,
	beacon_est_err_m: null,
	beacon_region90_m2: null,
	beacon_region90_reach_m: null,
	approach_accuracy_m: null,
	story34_pass: null,
	homing_efficiency_pct: null,
	rssi_improvement_db: null,
	coverage_km2: null,
	false_positives: null,
	false_positive_rate_pct: null,
	nfr7_pass: null,
	detections_explained: null,
	detections_unexplained: null,
	detections_unexplained_pct: null,
	beacon_reference: null,
	search_time_min: null,
	goal_70_pass: null
};

/** True when the mission has no true beacon position (its KPIs use an estimate or nothing). */
export function noTruth(beaconReference: string | null | undefined): boolean {
	return beaconReference === 'estimate' || beaconReference === 'unknown';
}

/** Every KPI card, in reading order; a KPI the row lacks shows "—". */
export function kpiCards(row: KpiLike): KpiCard[] {
	const k: Required<KpiLike> = { ...NONE, ...row };
	// Without a true beacon, the 100 m rule counts against an estimate: NFR7 goes to the model.
	const byModel = noTruth(k.beacon_reference);
	const pct = k.detections_unexplained_pct;
	return [
		{ name: 'duration_s', label: 'Duration', value: k.duration_s, display: dur(k.duration_s) },
		{
			name: 'rssi_samples',
			label: 'RSSI samples',
			value: k.rssi_samples,
			display: n(k.rssi_samples, 0)
		},
		{ name: 'detections', label: 'Detections', value: k.detections, display: n(k.detections, 0) },
		{
			name: 'noise_floor_p10_dbm',
			label: 'Noise floor (p10)',
			value: k.noise_floor_p10_dbm,
			display: n(k.noise_floor_p10_dbm, 1, 'dBm')
		},
		{
			name: 'max_rssi_dbm',
			label: 'Max RSSI',
			value: k.max_rssi_dbm,
			display: n(k.max_rssi_dbm, 1, 'dBm')
		},
		{
			name: 'time_to_detection_s',
			label: 'Time to detection',
			value: k.time_to_detection_s,
			display: dur(k.time_to_detection_s)
		},
		{
			name: 'detecting_to_homing_latency_s',
			label: 'Detect → homing',
			value: k.detecting_to_homing_latency_s ?? null,
			display: n(k.detecting_to_homing_latency_s, 2, 's'),
			status: st(k.fr3_pass),
			requirement: 'FR3: < 2 s'
		},
		{
			name: 'time_to_locate_s',
			label: 'Time to locate',
			value: k.time_to_locate_s ?? null,
			display: dur(k.time_to_locate_s)
		},
		{
			name: 'detection_range_m',
			label: 'Detection range',
			value: k.detection_range_m,
			display: n(k.detection_range_m, 0, 'm'),
			status: st(k.fr1_pass),
			requirement:
				'FR1: ≥ 500 m at > 12 dB SNR. The range at the first detection whose pursuit reached the beacon.'
		},
		{
			name: 'beacon_est_lat',
			label: 'Beacon estimate lat',
			value: k.beacon_est_lat,
			display: n(k.beacon_est_lat, 5)
		},
		{
			name: 'beacon_est_lon',
			label: 'Beacon estimate lon',
			value: k.beacon_est_lon,
			display: n(k.beacon_est_lon, 5)
		},
		{
			name: 'beacon_est_err_m',
			label: 'Estimate uncertainty',
			value: k.beacon_est_err_m,
			display: n(k.beacon_est_err_m, 0, 'm')
		},
		{
			name: 'beacon_region90_m2',
			label: 'Beacon 90 % region',
			value: k.beacon_region90_m2,
			display: n(k.beacon_region90_m2, 0, 'm²')
		},
		{
			name: 'beacon_region90_reach_m',
			label: '90 % region reach',
			value: k.beacon_region90_reach_m,
			display: n(k.beacon_region90_reach_m, 0, 'm')
		},
		{
			name: 'approach_accuracy_m',
			label: 'Approach accuracy',
			value: k.approach_accuracy_m,
			display: n(k.approach_accuracy_m, 1, 'm'),
			status: st(k.story34_pass),
			requirement: 'Story 3.4: within 50 m'
		},
		{
			name: 'homing_efficiency_pct',
			label: 'Homing efficiency',
			value: k.homing_efficiency_pct,
			display: n(k.homing_efficiency_pct, 0, '%')
		},
		{
			name: 'rssi_improvement_db',
			label: 'RSSI improvement',
			value: k.rssi_improvement_db ?? null,
			display: n(k.rssi_improvement_db, 1, 'dB')
		},
		{
			name: 'coverage_km2',
			label: 'Coverage',
			value: k.coverage_km2,
			display: n(k.coverage_km2, 2, 'km²')
		},
		{
			name: 'false_positives',
			label: 'False positives (Pi’s 100 m rule)',
			value: k.false_positives,
			display: `${n(k.false_positives, 0)}${k.false_positive_rate_pct != null ? ` (${n(k.false_positive_rate_pct, 0, '%')})` : ''}`,
			status: byModel ? null : st(k.nfr7_pass),
			requirement: `${byModel ? 'NFR7 is judged on the model’s count here: no true beacon position is known. ' : 'NFR7: < 5 %. '}A detection is false when its position is 100 m or more from the beacon (the Pi’s rule), so a strong beacon heard from farther away counts against it.`
		},
		{
			name: 'detections_unexplained',
			label: 'Unexplained detections (model)',
			value: k.detections_unexplained,
			display: `${n(k.detections_unexplained, 0)}${pct != null ? ` (${n(pct, 0, '%')})` : ''}`,
			status: byModel && pct != null ? st(pct < 5) : null,
			requirement: `${byModel ? 'NFR7: < 5 % (judged here: no true beacon position is known). ' : ''}A detection is unexplained when its signal is stronger than the beacon posterior’s fitted model allows anywhere in the 90 % region (more than 3 residual σ): interference or a second emitter.`
		},
		{
			name: 'search_time_min',
			label: 'Search time',
			value: k.search_time_min ?? null,
			display: n(k.search_time_min, 1, 'min'),
			status: st(k.goal_70_pass),
			requirement: 'PRD: ≤ 36 min (70 % below 120 min)'
		}
	];
}
