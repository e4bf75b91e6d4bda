import { describe, expect, it } from 'vitest';
import { buildReport, reportEvents, type ReportKpiLike } from './report';
import { recommendations } from './report-rules';

const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const states = [
	{
		state: 'IDLE',
		from_state: null,
		start_s: 0,
		end_s: 5,
		reason: null,
		forced: false,
		allowed: null,
		inferred: true
	},
	{
		state: 'SEARCHING',
		from_state: 'IDLE',
		start_s: 5,
		end_s: 100,
		reason: 'operator start',
		forced: false,
		allowed: true,
		inferred: false
	},
	{
		state: 'DETECTING',
		from_state: 'SEARCHING',
		start_s: 100,
		end_s: 101,
		reason: XSS,
		forced: false,
		allowed: true,
		inferred: false
	},
	{
		state: 'HOMING',
		from_state: 'DETECTING',
		start_s: 101,
		end_s: 200,
		reason: null,
		forced: true,
		allowed: true,
		inferred: false
	},
	{
		state: 'HOLDING',
		from_state: 'HOMING',
		start_s: 200,
		end_s: 260,
		reason: null,
		forced: false,
		allowed: true,
		inferred: false
	}
];
const kpis: ReportKpiLike = {
	beacon_reference: 'truth',
	duration_s: 260,
	rssi_samples: 2600,
	detections: 2,
	noise_floor_p10_dbm: -109,
	max_rssi_dbm: -60,
	time_to_detection_s: 95,
	first_detection_s: 100,
	detecting_to_homing_latency_s: 1,
	fr3_pass: true,
	time_to_locate_s: 195,
	detection_range_m: 420,
	fr1_pass: false,
	beacon_est_lat: null,
	beacon_est_lon: null,
	beacon_est_err_m: null,
	approach_accuracy_m: 20,
	story34_pass: true,
	homing_efficiency_pct: 80,
	coverage_km2: 0.5,
	true_positives: 1,
	false_positives: 1,
	false_negatives: 0,
	false_positive_rate_pct: 50,
	nfr7_pass: false,
	search_time_min: 3.3,
	goal_70_pass: true
};
const summary = {
	mission_id: 'm1',
	name: 'Test <b>mission</b>',
	source: 'sim',
	scenario: 'interference',
	started_at: Date.UTC(2025, 7, 21, 1, 30),
	duration_s: 260,
	rssi_samples: 2600,
	telemetry_samples: 1300,
	states_visited: ['IDLE', 'SEARCHING', 'DETECTING', 'HOMING', 'HOLDING'],
	detections: 2,
	beacon_lat_deg: -35.36,
	beacon_lon_deg: 149.16
};
const detections = [
	{
		t_rel_s: 50,
		rssi_dbm: -80,
		snr_db: 14,
		confidence_pct: 60,
		lat_deg: -35.37,
		lon_deg: 149.16,
		system_state: 'SEARCHING'
	},
	{
		t_rel_s: 100,
		rssi_dbm: -70,
		snr_db: 20,
		confidence_pct: 90,
		lat_deg: -35.3601,
		lon_deg: 149.16,
		system_state: 'SEARCHING'
	}
];

describe('reportEvents', () => {
	it('puts the milestones and every real transition in time order, reasons as given', () => {
		const ev = reportEvents(states, 100);
		expect(ev.filter((e) => e.kind !== 'state').map((e) => [e.kind, e.t_rel_s])).toEqual([
			['arrival', 5],
			['first_detection', 100],
			['homing', 101],
			['acquisition', 200]
		]);
		expect(ev.filter((e) => e.kind === 'state')).toHaveLength(4);
		expect(ev.find((e) => e.label === 'SEARCHING → DETECTING')?.detail).toBe(XSS);
		expect(ev.find((e) => e.label.startsWith('DETECTING → HOMING'))?.label).toContain('forced');
	});
});

describe('buildReport', () => {
	const r = buildReport({
		summary,
		kpis,
		states,
		detections,
		generatedAt: '2025-08-22T00:00:00.000Z'
	});
	it('carries the mission facts and requirement verdicts', () => {
		expect(r.mission.started_at).toBe('2025-08-21T01:30:00.000Z');
		expect(r.mission.name).toBe('Test <b>mission</b>');
		expect(Object.fromEntries(r.requirements.map((q) => [q.id, q.status]))).toEqual({
			FR1: 'fail',
			FR3: 'pass',
			'Story 3.4': 'pass',
			NFR7: 'fail',
			'PRD goal': 'pass'
		});
	});
	it('classifies detections by distance to the beacon (100 m rule)', () => {
		expect(r.false_positives.detections.map((d) => d.verdict)).toEqual(['false', 'true']);
		expect(r.false_positives.detections[1]?.distance_m).toBeCloseTo(11.1, 0);
	});
	it('is plain JSON (round-trips unchanged)', () => {
		expect(JSON.parse(JSON.stringify(r))).toEqual(r);
	});
	it('judges NFR7 on the model’s unexplained detections when no true beacon is known', () => {
		const est = buildReport({
			summary,
			kpis: {
				...kpis,
				beacon_reference: 'estimate',
				detections_unexplained: 0,
				detections_unexplained_pct: 0
			},
			states,
			detections,
			posterior: {
				point: { lat_deg: -35.3, lon_deg: 149.1 },
				point_source: 'plain',
				region50: { area_m2: 400 },
				region90: { area_m2: 1500, reach_m: 30 }
			},
			generatedAt: '2025-08-22T00:00:00.000Z'
		});
		const nfr7 = est.requirements.find((q) => q.id === 'NFR7')!;
		expect(nfr7.kpi).toBe('detections_unexplained');
		expect(nfr7.status).toBe('pass');
		expect(est.beacon_posterior?.region90_reach_m).toBe(30);
		expect(r.requirements.find((q) => q.id === 'NFR7')!.kpi).toBe('false_positives');
		expect(r.beacon_posterior).toBeNull();
	});
});

describe('recommendations', () => {
	it('gives an action per failed requirement', () => {
		const rules = recommendations(kpis, 2).map((x) => x.rule);
		expect(rules).toEqual(['FR1', 'NFR7']);
	});
	it('reads false positives 100–500 m from the beacon as the beacon itself (FR1 range)', () => {
		const near = recommendations(kpis, 5, [150, 220, 310, 900]).find((x) => x.rule === 'NFR7');
		expect(near?.text).toMatch(/3 of the 4 were 100–500 m from the beacon/);
		const far = recommendations(kpis, 5, [900, 1200]).find((x) => x.rule === 'NFR7');
		expect(far?.text).toMatch(/look for interference/);
	});
	it('says so when the beacon was never heard', () => {
		const rec = recommendations({ ...kpis, fr1_pass: null, detection_range_m: null }, 0);
		expect(rec[0]?.rule).toBe('FR1');
		expect(rec[0]?.text).toMatch(/never detected/);
	});
	it('gives one ok line when everything passes', () => {
		const rec = recommendations({ ...kpis, fr1_pass: true, nfr7_pass: true }, 1);
		expect(rec).toHaveLength(1);
		expect(rec[0]?.severity).toBe('ok');
	});
});
