import { describe, expect, test } from 'vitest';
import { RowBuilder } from './rows';
import type { TelemetryMsg } from './protocol';

const fix = (lat: number, lon: number, alt: number, armed: boolean): TelemetryMsg => ({
	type: 'telemetry',
	t: 1_000,
	lat,
	lon,
	alt,
	battery: 80,
	flightMode: 'GUIDED',
	forward: 8,
	gpsStatus: '3D_FIX',
	armed
});
const earlier = { lat_deg: -35.363261, lon_deg: 149.16523, alt_amsl_m: 584 };
const north100 = -35.363261 + 100 / 111_195;

describe('RowBuilder origin', () => {
	test('a session starting in the air keeps an earlier nearby origin (heights above take-off)', () => {
		const rb = new RowBuilder('m', 0, earlier);
		const [v] = rb.rows(fix(north100, 149.16523, 634, true)).vehicle_telemetry ?? [];
		expect(rb.origin).toEqual(earlier);
		expect(v?.alt_rel_m).toBeCloseTo(50, 6);
		expect(v?.north_m).toBeCloseTo(100, 0);
	});

	test('on the ground, or far from the earlier origin, the first fix is the origin', () => {
		const ground = new RowBuilder('m', 0, earlier);
		ground.rows(fix(north100, 149.16523, 590, false));
		expect(ground.origin).toEqual({ lat_deg: north100, lon_deg: 149.16523, alt_amsl_m: 590 });
		const far = new RowBuilder('m', 0, earlier);
		const [v] = far.rows(fix(-35.5, 149.16523, 700, true)).vehicle_telemetry ?? [];
		expect(far.origin?.lat_deg).toBe(-35.5);
		expect(v?.alt_rel_m).toBe(0);
		const none = new RowBuilder('m', 0);
		none.rows(fix(north100, 149.16523, 634, true));
		expect(none.origin?.alt_amsl_m).toBe(634);
	});
});
