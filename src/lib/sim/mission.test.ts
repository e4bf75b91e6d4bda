import { describe, expect, it } from 'vitest';
import { ALLOWED_TRANSITIONS, type SystemState } from '../contract';
import { simulateMission } from './mission';
import { SCENARIOS } from './scenarios';

const NAIVE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/;
const AWARE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/;

describe('simulateMission', () => {
	it('is deterministic for a seed and differs between seeds', () => {
		const a = simulateMission({ seed: 17, scenario: 'open-field' });
		const b = simulateMission({ seed: 17, scenario: 'open-field' });
		const c = simulateMission({ seed: 18, scenario: 'open-field' });
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		expect(JSON.stringify(a.tables.rssi_sample.slice(0, 500))).not.toBe(
			JSON.stringify(c.tables.rssi_sample.slice(0, 500))
		);
	});

	it('only makes allowed transitions, first from NULL, in every scenario but sortie-1h', () => {
		for (const scenario of SCENARIOS.filter((s) => s !== 'sortie-1h')) {
			for (const seed of [1, 2]) {
				const { tables } = simulateMission({ seed, scenario });
				const st = tables.state_transition;
				expect(st[0]?.from_state).toBeNull();
				for (const r of st.slice(1)) {
					const from = r.from_state as SystemState;
					expect(ALLOWED_TRANSITIONS[from]).toContain(r.to_state);
				}
				for (let i = 1; i < st.length; i++) expect(st[i]!.from_state).toBe(st[i - 1]!.to_state);
			}
		}
	});

	it('open-field seeds 1..6 detect, home and hold within 50 m of the beacon', () => {
		for (let seed = 1; seed <= 6; seed++) {
			const { tables } = simulateMission({ seed, scenario: 'open-field' });
			const b = tables.beacon_truth[0]!;
			expect(Math.hypot(b.north_m!, b.east_m!)).toBeGreaterThanOrEqual(300);
			expect(tables.homing_step.length).toBeGreaterThan(0);
			const st = tables.state_transition;
			for (const r of st.slice(1)) {
				expect(ALLOWED_TRANSITIONS[r.from_state as SystemState]).toContain(r.to_state);
			}
			const hold = st.find((r) => r.to_state === 'HOLDING');
			expect(hold, `seed ${seed} reaches HOLDING`).toBeDefined();
			expect(st.at(-1)!.reason).toBe('Mission complete: beacon located');
			// The HOLDING orbit is centred on the controller's estimate: its mean is that centre.
			const orbit = tables.vehicle_telemetry.filter((r) => r.t_rel_s >= hold!.t_rel_s + 10);
			const n = orbit.reduce((a, r) => a + r.north_m!, 0) / orbit.length;
			const e = orbit.reduce((a, r) => a + r.east_m!, 0) / orbit.length;
			expect(Math.hypot(n - b.north_m!, e - b.east_m!), `seed ${seed}`).toBeLessThan(50);
		}
	});

	it('no-beacon has no beacon and no detections', () => {
		const { tables } = simulateMission({ seed: 3, scenario: 'no-beacon' });
		expect(tables.beacon_truth).toHaveLength(0);
		expect(tables.detection).toHaveLength(0);
	});

	it('interference makes a detection far (> 100 m) from the real beacon', () => {
		const { tables } = simulateMission({ seed: 3, scenario: 'interference' });
		const b = tables.beacon_truth[0]!;
		const far = tables.detection.filter(
			(d) => Math.hypot(d.north_m! - b.north_m!, d.east_m! - b.east_m!) > 100
		);
		expect(far.length).toBeGreaterThan(0);
	});

	it('sortie-1h has 36,000 RSSI samples at 10 Hz and a well-formed ws capture', () => {
		const { tables, ws } = simulateMission({ seed: 1, scenario: 'sortie-1h' });
		const r = tables.rssi_sample;
		expect(r).toHaveLength(36_000);
		expect(r[0]!.seq).toBe(0);
		expect(r[35_999]!.t_rel_s).toBeCloseTo(3599.9, 0);
		expect(tables.vehicle_telemetry).toHaveLength(18_000);
		expect(ws[0]!.type).toBe('connection');
		expect(ws.filter((m) => m.type === 'rssi')).toHaveLength(36_000);
		let prev = '';
		for (const m of ws) {
			const ts = m.data.timestamp as string;
			const aware = m.type === 'safety_status' || m.type.startsWith('pattern_');
			expect(ts).toMatch(aware ? AWARE : NAIVE);
			const key = ts.slice(0, 26);
			expect(key >= prev).toBe(true);
			prev = key;
		}
		const m = tables.mission[0]!;
		expect(m.ewma_alpha).toBe(0.3);
		expect(m.search_area_km2).toBeGreaterThan(1);
		expect(tables.safety_event.some((e) => e.event_type === 'preflight')).toBe(true);
	});
});
