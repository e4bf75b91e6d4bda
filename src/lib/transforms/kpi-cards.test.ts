import { describe, expect, it } from 'vitest';
import { REVIEW_KPI_NAMES } from '$lib/contract';
import { kpiCards, type KpiLike } from './kpi-cards';

const base: KpiLike = {
	duration_s: 600,
	rssi_samples: 6000,
	detections: 3,
	noise_floor_p10_dbm: -107.2,
	max_rssi_dbm: -70.5,
	time_to_detection_s: 200,
	detecting_to_homing_latency_s: 1.2,
	fr3_pass: true,
	detection_range_m: 310,
	fr1_pass: false,
	beacon_est_lat: -35.36,
	beacon_est_lon: 149.16,
	beacon_est_err_m: 12,
	approach_accuracy_m: 18,
	story34_pass: true,
	homing_efficiency_pct: 64,
	coverage_km2: 0.8,
	false_positives: 0,
	false_positive_rate_pct: 0,
	nfr7_pass: true
};

describe('kpiCards', () => {
	it('carries every data-kpi name the review view promises', () => {
		const names = kpiCards(base).map((c) => c.name);
		for (const required of REVIEW_KPI_NAMES) {
			expect(names).toContain(required);
		}
	});

	it('judges requirements: pass, fail, and unknown when not measurable', () => {
		const byName = new Map(kpiCards(base).map((c) => [c.name, c]));
		expect(byName.get('detecting_to_homing_latency_s')?.status).toBe('pass');
		expect(byName.get('detection_range_m')?.status).toBe('fail');
		const none = new Map(kpiCards({ ...base, fr3_pass: null }).map((c) => [c.name, c]));
		expect(none.get('detecting_to_homing_latency_s')?.status).toBeNull();
	});

	it('keeps raw values for data-value and formats for people', () => {
		const c = kpiCards(base).find((x) => x.name === 'max_rssi_dbm');
		expect(c?.value).toBe(-70.5);
		expect(c?.display).toBe('-70.5 dBm');
	});
});
