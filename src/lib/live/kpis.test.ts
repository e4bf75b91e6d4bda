import { describe, expect, test } from 'vitest';
import { liveBeacon, liveKpis } from './kpis';
import type { LiveView } from './view';

const view = (beacon: LiveView['beacon']) => ({ beacon }) as LiveView;

describe('liveBeacon', () => {
	test('the fit, with its radius, when there is one', () => {
		const b = liveBeacon(
			{ est_lat_deg: -35.36, est_lon_deg: 149.16, uncertainty_m: 30 },
			view({ lat_deg: -35.1, lon_deg: 149.1, n: 5 })
		);
		expect(b).toEqual({ lat_deg: -35.36, lon_deg: 149.16, uncertainty_m: 30, kind: 'fit' });
	});
	test('the running centroid (no radius) until a fit exists', () => {
		const b = liveBeacon(
			{ est_lat_deg: null, est_lon_deg: null, uncertainty_m: null },
			view({ lat_deg: -35.1, lon_deg: 149.1, n: 5 })
		);
		expect(b).toEqual({ lat_deg: -35.1, lon_deg: 149.1, uncertainty_m: null, kind: 'centroid' });
		expect(liveBeacon(null, view(null))).toBeNull();
	});
	test('the KPI cards carry it under the review names', () => {
		const cards = liveKpis(view(null), null, {
			lat_deg: -35.36,
			lon_deg: 149.16,
			uncertainty_m: 30,
			kind: 'fit'
		});
		const by = Object.fromEntries(cards.map((c) => [c.name, c.value]));
		expect(by).toMatchObject({
			beacon_est_lat: -35.36,
			beacon_est_lon: 149.16,
			beacon_est_err_m: 30
		});
	});
	test('range and bearing from the drone to the estimate', () => {
		const v = {
			beacon: null,
			position: {
				t: 0,
				lat_deg: -35.363261 - 100 / 111_195,
				lon_deg: 149.16523,
				north_m: 0,
				east_m: 0
			}
		} as unknown as LiveView;
		const cards = liveKpis(v, null, {
			lat_deg: -35.363261,
			lon_deg: 149.16523,
			uncertainty_m: 20,
			kind: 'fit'
		});
		const by = Object.fromEntries(cards.map((c) => [c.name, c]));
		expect(by.beacon_range_m?.value).toBeCloseTo(100, 0);
		expect(by.beacon_bearing_deg?.value).toBeCloseTo(0, 3);
		expect(by.beacon_bearing_deg?.display).toBe('0°');
	});
});
