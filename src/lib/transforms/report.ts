/**
 * The mission report as data: facts, requirements with pass/fail, the events timeline, the
 * false-positive analysis and recommendations from the rules in pisad-domain.md §6. Pure and
 * JSON-serialisable: the report page renders it and "Download JSON" saves exactly this object.
 * Text from data files (names, reasons) stays plain strings; rendering is text-only.
 */
import { distanceM } from '$lib/geo';
import { kpiCards, noTruth } from './kpi-cards';
import { recommendations } from './report-rules';
import type {
	MissionReport,
	ReportDetection,
	ReportEvent,
	ReportInput,
	ReportStateLike
} from './report-types';

export { recommendations, type Recommendation } from './report-rules';
export type * from './report-types';

export const REPORT_VERSION = 1;

const REQS: { id: string; text: string; kpi: string }[] = [
	{ id: 'FR1', text: 'Detection at ≥ 500 m with > 12 dB SNR', kpi: 'detection_range_m' },
	{ id: 'FR3', text: 'DETECTING → HOMING within 2 s', kpi: 'detecting_to_homing_latency_s' },
	{ id: 'Story 3.4', text: 'Final position within 50 m of the beacon', kpi: 'approach_accuracy_m' },
	{ id: 'NFR7', text: 'False positives < 5 %', kpi: 'false_positives' },
	{ id: 'PRD goal', text: 'Search time ≤ 36 min (70 % below 120 min)', kpi: 'search_time_min' }
];

/** Arrival, first detection, homing, acquisition, then every state change with its reason. */
export function reportEvents(
	states: readonly ReportStateLike[],
	firstDetectionS: number | null
): ReportEvent[] {
	const first = (s: string) => states.find((x) => x.state === s && !x.inferred);
	const out: ReportEvent[] = [];
	const arrival = first('SEARCHING');
	if (arrival)
		out.push({ t_rel_s: arrival.start_s, kind: 'arrival', label: 'Search started', detail: null });
	if (firstDetectionS != null)
		out.push({
			t_rel_s: firstDetectionS,
			kind: 'first_detection',
			label: 'First detection',
			detail: null
		});
	const homing = first('HOMING');
	if (homing)
		out.push({ t_rel_s: homing.start_s, kind: 'homing', label: 'Homing started', detail: null });
	const holding = first('HOLDING');
	if (holding)
		out.push({
			t_rel_s: holding.start_s,
			kind: 'acquisition',
			label: 'Beacon acquired (HOLDING)',
			detail: null
		});
	for (const s of states) {
		if (s.inferred) continue;
		const flags = [s.forced ? 'forced' : '', s.allowed === false ? 'not an allowed transition' : '']
			.filter(Boolean)
			.join(', ');
		out.push({
			t_rel_s: s.start_s,
			kind: 'state',
			label: `${s.from_state ?? '—'} → ${s.state}${flags ? ` (${flags})` : ''}`,
			detail: s.reason
		});
	}
	return out.sort((a, b) => a.t_rel_s - b.t_rel_s);
}

/** The whole report. */
export function buildReport(input: ReportInput): MissionReport {
	const { summary: s, kpis: k } = input;
	const radius = input.radiusM ?? 100;
	const cards = k ? kpiCards(k) : [];
	const card = (name: string) => cards.find((c) => c.name === name);
	const beacon =
		s.beacon_lat_deg != null && s.beacon_lon_deg != null
			? { lat_deg: s.beacon_lat_deg, lon_deg: s.beacon_lon_deg }
			: k?.beacon_est_lat != null && k.beacon_est_lon != null && k.beacon_reference === 'estimate'
				? { lat_deg: k.beacon_est_lat, lon_deg: k.beacon_est_lon }
				: null;
	const detections: ReportDetection[] = input.detections.map((d) => {
		const distance =
			beacon && d.lat_deg != null && d.lon_deg != null
				? distanceM({ lat_deg: d.lat_deg, lon_deg: d.lon_deg }, beacon)
				: null;
		return {
			...d,
			distance_m: distance,
			verdict: distance == null ? 'unknown' : distance < radius ? 'true' : 'false'
		};
	});
	return {
		report_version: REPORT_VERSION,
		generated_at: input.generatedAt,
		mission: {
			mission_id: s.mission_id,
			name: s.name ?? s.mission_id,
			source: s.source,
			scenario: s.scenario,
			started_at: new Date(s.started_at).toISOString(),
			duration_s: s.duration_s,
			rssi_samples: s.rssi_samples,
			telemetry_samples: s.telemetry_samples,
			detections: s.detections,
			states_visited: [...s.states_visited],
			beacon,
			beacon_reference: k?.beacon_reference ?? null
		},
		requirements: REQS.map((r) => {
			// Without a true beacon, NFR7 is judged on the model's unexplained detections.
			const kpi =
				r.id === 'NFR7' && noTruth(k?.beacon_reference) ? 'detections_unexplained' : r.kpi;
			const c = card(kpi);
			return {
				...r,
				kpi,
				value: c?.value ?? null,
				display: c?.display ?? '—',
				status: c?.status ?? 'n/a'
			};
		}),
		kpis: cards.map(({ name, label, value, display }) => ({ name, label, value, display })),
		events: reportEvents(input.states, k?.first_detection_s ?? null),
		false_positives: {
			radius_m: radius,
			true_positives: k?.true_positives ?? null,
			false_positives: k?.false_positives ?? null,
			false_negatives: k?.false_negatives ?? null,
			rate_pct: k?.false_positive_rate_pct ?? null,
			detections
		},
		beacon_posterior: input.posterior
			? {
					point: { lat_deg: input.posterior.point.lat_deg, lon_deg: input.posterior.point.lon_deg },
					point_source: input.posterior.point_source ?? null,
					region50_m2: input.posterior.region50.area_m2,
					region90_m2: input.posterior.region90.area_m2,
					region90_reach_m: input.posterior.region90.reach_m,
					detections_explained: k?.detections_explained ?? null,
					detections_unexplained: k?.detections_unexplained ?? null
				}
			: null,
		recommendations: recommendations(
			k,
			s.detections,
			detections.flatMap((d) =>
				d.verdict === 'false' && d.distance_m != null ? [d.distance_m] : []
			)
		)
	};
}
