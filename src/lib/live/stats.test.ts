import { describe, expect, test } from 'vitest';
import { LiveStats } from './stats';
import type { RssiSampleRow, VehicleTelemetryRow } from '$lib/contract';

const fix = (t: number, north: number): VehicleTelemetryRow =>
	({
		t,
		lat_deg: -35.36 + north / 111_000,
		lon_deg: 149.16,
		north_m: north,
		east_m: 0
	}) as VehicleTelemetryRow;
const sample = (t: number, rssi: number, snr: number): RssiSampleRow =>
	({ t, rssi_dbm: rssi, noise_floor_dbm: rssi - snr, snr_db: snr }) as RssiSampleRow;

describe('LiveStats running beacon estimate', () => {
	test('noise that crosses the drop level gives no estimate', () => {
		const s = new LiveStats();
		for (let i = 0; i < 200; i++) {
			s.fix(fix(i * 100, i));
			s.rssi(sample(i * 100, -101, 6 + (i % 5)));
		}
		expect(s.beacon()).toBeNull();
	});

	test('samples above the trigger level give a centroid weighted to the strongest', () => {
		const s = new LiveStats();
		for (let i = 0; i < 50; i++) {
			s.fix(fix(i * 100, i * 10));
			// Strongest at north 250 m.
			s.rssi(sample(i * 100, -80 - Math.abs(i - 25), 30 - Math.abs(i - 25)));
		}
		const b = s.beacon();
		expect(b).not.toBeNull();
		expect(Math.abs(((b?.lat_deg ?? 0) + 35.36) * 111_000 - 250)).toBeLessThan(15);
	});
});
