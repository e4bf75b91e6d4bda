import { describe, expect, it } from 'vitest';
import { PiSignalChain } from './chain';
import { RollingP10 } from './rolling-percentile';

/** Independent reference: recomputes everything from full arrays (slice + sort each sample). */
function reference(raw: number[]) {
	const ewma: number[] = [];
	const out: { rssi: number; floor: number; snr: number; above: boolean; det: boolean }[] = [];
	let det = false;
	for (let i = 0; i < raw.length; i++) {
		const x = raw[i] as number;
		ewma.push(i === 0 ? x : 0.3 * x + 0.7 * (ewma[i - 1] as number));
		const win = ewma.slice(Math.max(0, i - 99), i + 1).sort((a, b) => a - b);
		const floor = win.length < 10 ? -85 : (win[Math.floor(0.1 * (win.length - 1))] as number);
		const snr = (ewma[i] as number) - floor;
		out.push({ rssi: ewma[i] as number, floor, snr, above: snr > 12, det });
	}
	// Debounce as a scan over the finished SNR series, written differently on purpose.
	let lastEdge = -1;
	for (let i = 0; i < out.length; i++) {
		const o = out[i]!;
		if (!det) {
			const run = out.slice(Math.max(lastEdge + 1, i - 2), i + 1);
			if (run.length === 3 && run.every((r) => r.above)) {
				det = true;
				lastEdge = i;
			}
		} else {
			const run = out.slice(Math.max(lastEdge + 1, i - 4), i + 1);
			if (run.length === 5 && run.every((r) => r.snr <= 6)) {
				det = false;
				lastEdge = i;
			}
		}
		o.det = det;
	}
	return out;
}

/** mulberry32, local to the test so the check is independent of the simulator's PRNG. */
function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function runChain(raw: number[]) {
	const chain = new PiSignalChain();
	return raw.map((x) => chain.push(x));
}

describe('PiSignalChain', () => {
	it('matches a naive reference over random + pulsed samples', () => {
		for (const seed of [1, 2, 3]) {
			const r = rng(seed);
			const raw: number[] = [];
			for (let i = 0; i < 4000; i++) {
				const burst = Math.floor(i / 150) % 3 === 1 && i % 10 < 5 + (seed % 3);
				raw.push(-109 + (r() - 0.5) * 6 + (burst ? 10 + r() * 30 : 0));
			}
			const got = runChain(raw);
			const want = reference(raw);
			let edges = 0;
			for (let i = 0; i < raw.length; i++) {
				const g = got[i]!;
				const w = want[i]!;
				expect(g.rssi_dbm).toBe(w.rssi);
				expect(g.noise_floor_dbm).toBe(w.floor);
				expect(g.snr_db).toBe(w.snr);
				expect(g.above_trigger).toBe(w.above);
				expect(g.detected).toBe(w.det);
				const prev = i > 0 && want[i - 1]!.det;
				expect(g.detection_started).toBe(w.det && !prev);
				expect(g.detection_ended).toBe(!w.det && prev);
				if (g.detection_started) edges++;
			}
			expect(edges).toBeGreaterThan(3);
		}
	});

	it('uses -85 dBm until 10 samples exist, then the lower-index p10', () => {
		const out = runChain([-100, -100, -100, -100, -100, -100, -100, -100, -100, -100]);
		expect(out.slice(0, 9).every((o) => o.noise_floor_dbm === -85)).toBe(true);
		expect(out[9]!.noise_floor_dbm).toBe(-100);
		expect(out[0]!.rssi_dbm).toBe(-100);
	});

	/** 20 samples at -100 (floor -100), then SNR values fed via raw chosen for exact EWMA. */
	function withSnr(snrs: number[]) {
		const chain = new PiSignalChain({ ewmaAlpha: 1 });
		for (let i = 0; i < 100; i++) chain.push(-100);
		return snrs.map((s) => chain.push(-100 + s));
	}

	it('exactly 12 dB is not above the trigger', () => {
		const out = withSnr([12, 12, 12, 12]);
		expect(out.every((o) => !o.above_trigger && !o.detected)).toBe(true);
		expect(out[0]!.confidence_pct).toBe(50);
	});

	it('2 above then 1 below does not trigger; 3 above does', () => {
		const out = withSnr([13, 13, 11, 13, 13, 13]);
		expect(out.map((o) => o.detected)).toEqual([false, false, false, false, false, true]);
		expect(out[5]!.detection_started).toBe(true);
	});

	it('4 low then a high keeps detection; 5 low at or below 6 dB drops it', () => {
		const out = withSnr([20, 20, 20, 6, 6, 5, 0, 7, 6, 6, 6, 6, 6, 20]);
		const det = out.map((o) => o.detected);
		expect(det).toEqual([
			false,
			false,
			true,
			true,
			true,
			true,
			true,
			true,
			true,
			true,
			true,
			true,
			false,
			false
		]);
		expect(out[12]!.detection_ended).toBe(true);
	});

	it('stays detected between 6 and 12 dB', () => {
		const out = withSnr([13, 13, 13, 7, 7, 7, 7, 7, 7, 6.01]);
		expect(out.slice(2).every((o) => o.detected)).toBe(true);
	});

	it('clamps confidence to 0..100', () => {
		const out = withSnr([-30, 12, 14, 40]);
		expect(out.map((o) => o.confidence_pct)).toEqual([0, 50, 55, 100]);
	});
});

describe('RollingP10', () => {
	it('agrees with slice+sort on random data', () => {
		const r = rng(9);
		const p = new RollingP10(100);
		const all: number[] = [];
		for (let i = 0; i < 2000; i++) {
			const v = Math.round(r() * 50) / 2; // duplicates on purpose
			all.push(v);
			p.push(v);
			const win = all.slice(-100).sort((a, b) => a - b);
			expect(p.value()).toBe(win[Math.floor(0.1 * (win.length - 1))]);
		}
	});
});
