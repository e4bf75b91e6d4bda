import { describe, expect, it } from 'vitest';
import type { RssiSampleRow, VehicleTelemetryRow } from '$lib/contract';
import { LivePulses } from './pulses';

const sample = (t_rel_s: number, rssi_dbm: number) =>
	({ t_rel_s, rssi_dbm, snr_db: rssi_dbm + 100, noise_floor_dbm: -100 }) as RssiSampleRow;
const fix = (t_rel_s: number, north_m: number) =>
	({ t_rel_s, north_m, east_m: 0, alt_rel_m: 40 }) as VehicleTelemetryRow;

describe('LivePulses', () => {
	it('hands out each period’s strongest sample once, positioned between its fixes', () => {
		const p = new LivePulses();
		p.fix(fix(0, 0));
		p.fix(fix(1, 10));
		for (const [t, r] of [
			[0.1, -90],
			[0.5, -80],
			[0.9, -85]
		] as const)
			p.sample(sample(t, r));
		// The period is not complete until a later one starts.
		expect(p.drain()).toEqual([]);
		p.fix(fix(2, 20));
		p.sample(sample(1.2, -95));
		const [peak, ...rest] = p.drain();
		expect(rest).toEqual([]);
		expect(peak).toMatchObject({ t_rel_s: 0.5, rssi_dbm: -80, snr_db: 20, alt_rel_m: 40 });
		expect(peak?.north_m).toBeCloseTo(5);
		expect(p.drain()).toEqual([]);
	});

	it('drops samples of a period already handed out (a link that repeats itself)', () => {
		const p = new LivePulses();
		p.fix(fix(0, 0));
		for (let t = 0; t < 5; t += 0.1) p.sample(sample(t, -90 + Math.sin(t)));
		const first = p.drain();
		expect(first).toHaveLength(4);
		// The reconnect replays the last three seconds, one of them louder: nothing is added twice.
		for (let t = 2; t < 5; t += 0.1) p.sample(sample(t, -60));
		p.sample(sample(5.5, -90));
		const again = p.drain();
		expect(again.map((o) => Math.floor(o.t_rel_s))).toEqual([4]);
		expect(p.repeats).toBeGreaterThan(15);
	});
});
