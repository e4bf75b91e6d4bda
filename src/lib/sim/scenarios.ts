import type { LocalPoint } from '../geo';
import type { PatternSpec } from './patterns';
import type { Beacon, Burst, RadioParams } from './propagation';
import type { Rng } from './rng';

/** Scenario names accepted by simulateMission. */
export const SCENARIOS = [
	'open-field',
	'urban',
	'no-beacon',
	'interference',
	'sortie-1h',
	'lawnmower'
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export function isScenario(s: string): s is ScenarioName {
	return (SCENARIOS as readonly string[]).includes(s);
}

export interface ScenarioConfig {
	name: ScenarioName;
	pattern: PatternSpec;
	radio: RadioParams;
	beacon: Beacon | null;
	bursts: Burst[];
	/** Operator enabled homing before take-off. */
	homingEnabled: boolean;
	/** Seconds of HOLDING after which the operator ends the mission. */
	holdEndS: number;
	/** Fixed mission length in seconds (sortie-1h), or null to end on completion. */
	fixedDurationS: number | null;
	/** Hard cap on mission length, seconds. */
	maxDurationS: number;
	/** Battery capacity, Ah (8.3 Ah ≈ 25 min at the hover current). */
	batteryAh: number;
	frequencyHz: number;
	notes: string;
}

const OPEN: RadioParams = {
	pathLossExponent: 2.4,
	excessLossDb: 5,
	shadowSigmaDb: 3,
	shadowCorrM: 60,
	fading: 'rician',
	measNoiseDb: 2
};

const URBAN: RadioParams = {
	pathLossExponent: 2.9,
	excessLossDb: 6,
	shadowSigmaDb: 7,
	shadowCorrM: 25,
	fading: 'rayleigh',
	measNoiseDb: 2
};

/**
 * The reference beacon pulses once a second. Its pulse is 0.5 s long here, not the LoRa 0.1 s:
 * with 10 Hz samples a 0.1 s pulse lands in one sample a second, and the Pi's EWMA (α 0.3) can
 * then never hold SNR > 12 dB for 3 consecutive samples (it would need ≈80 dB of raw SNR), so
 * the Pi's chain could not detect it at all. beacon_truth records the pulse actually simulated.
 *
 * Why 0.5 s, checked by running PiSignalChain on a pulse of S dB over noise (σ 2 dB, 600 s):
 * after a pulse the EWMA decays by 0.7 per sample, so 5 off samples leave 0.7^5 ≈ 17 % of the
 * pulse in the period's lowest value, and the p10 floor sits on those lows: it rises ≈ 0.17·S
 * (S 30 → +5 dB, S 45 → +7.6 dB) while the peak SNR is ≈ 0.69·S. The floor stays honest; a
 * continuous carrier instead lifts it by S and is never detected. Stable detection (no drop
 * for 5 samples ≤ 6 dB) needs S ≥ ≈26 dB at 0.5 s, ≈23 dB at 0.6 s, ≈30 dB at 0.4 s, and first
 * detection needs S ≈ 20 dB: between the two, detections flap. That band is physics (the
 * drone is 130–220 m out with this beacon); 0.6 s would narrow it little and lift the floor
 * more (0.26·S), 0.3 s would widen it, so 0.5 s stays. Homing copes by moving inwards and by
 * re-acquiring near the last strong point after FR17.
 */
function placeBeacon(rng: Rng, powerDbm: number, area: number, minR: number): Beacon {
	const r = rng.range(minR, Math.min(area - 40, minR + 0.45 * area));
	const a = rng.range(0, 2 * Math.PI);
	return {
		north_m: r * Math.cos(a),
		east_m: r * Math.sin(a),
		power_dbm: powerDbm,
		pulse_period_s: 1,
		pulse_width_s: 0.5,
		phase_s: rng.range(0, 1)
	};
}

function pattern(
	type: PatternSpec['type'],
	spacing: number,
	radius: number,
	velocity: number
): PatternSpec {
	return { type, spacing_m: spacing, radius_m: radius, altitude_m: 50, velocity_mps: velocity };
}

/** A point at least `minDist` from `avoid`, inside the square of half-width r. */
function farPoint(rng: Rng, r: number, avoid: LocalPoint | null, minDist: number): LocalPoint {
	for (;;) {
		const p = { north_m: rng.range(-r, r), east_m: rng.range(-r, r) };
		if (!avoid || Math.hypot(p.north_m - avoid.north_m, p.east_m - avoid.east_m) >= minDist) {
			return p;
		}
	}
}

/** Builds the seeded configuration of a scenario. */
export function buildScenario(name: ScenarioName, rng: Rng): ScenarioConfig {
	const base = {
		name,
		bursts: [] as Burst[],
		homingEnabled: true,
		holdEndS: rng.range(60, 90),
		fixedDurationS: null,
		maxDurationS: 3600,
		batteryAh: 8.3,
		frequencyHz: 433_000_000
	};
	switch (name) {
		case 'open-field':
			return {
				...base,
				pattern: pattern('expanding_square', 100, 500, 8),
				radio: OPEN,
				beacon: placeBeacon(rng, 10, 500, 300),
				notes: '10 dBm pulsed beacon in open terrain (n 2.4, shadowing σ 3 dB)'
			};
		case 'urban':
			return {
				...base,
				pattern: pattern('lawnmower', 75, 450, 6),
				radio: URBAN,
				beacon: placeBeacon(rng, 20, 450, 300),
				notes: '20 dBm beacon among buildings (n 2.9, shadowing σ 7 dB, Rayleigh fading)'
			};
		case 'no-beacon':
			return {
				...base,
				pattern: pattern('spiral', 100, rng.range(600, 800), 8),
				radio: OPEN,
				beacon: null,
				notes: 'No beacon exists: a full search without detections, then return'
			};
		case 'interference': {
			const beacon = placeBeacon(rng, 10, 500, 300);
			const src = farPoint(rng, 450, beacon, 500);
			const start = rng.range(60, 120);
			return {
				...base,
				pattern: pattern('expanding_square', 100, 500, 8),
				radio: OPEN,
				beacon,
				bursts: [{ ...src, start_s: start, end_s: start + rng.range(4, 8), eirp_dbm: 30 }],
				notes: 'Real 10 dBm beacon plus one 30 dBm interference burst ≥ 500 m away from it'
			};
		}
		case 'sortie-1h': {
			const bursts: Burst[] = [];
			for (let i = 0; i < 3; i++) {
				const start = rng.range(300 + i * 1000, 1100 + i * 1000);
				const src = farPoint(rng, 900, null, 0);
				bursts.push({ ...src, start_s: start, end_s: start + rng.range(3, 6), eirp_dbm: 24 });
			}
			return {
				...base,
				pattern: pattern('lawnmower', 100, 900, 8),
				radio: OPEN,
				beacon: placeBeacon(rng, 10, 900, 600),
				bursts,
				holdEndS: 100,
				fixedDurationS: 3600,
				batteryAh: 24,
				notes: '1-hour sortie (large 24 Ah pack): survey, homing, then patrol with homing off'
			};
		}
		case 'lawnmower':
			// The story-4.8 Pi's flight shape (issue 16): lanes over the whole area, homing off,
			// so the beacon is only passed over, never circled.
			return {
				...base,
				homingEnabled: false,
				pattern: pattern('lawnmower', 100, 500, 8),
				radio: OPEN,
				beacon: placeBeacon(rng, 10, 500, 300),
				notes: '10 dBm beacon in open terrain, lawnmower pattern with homing off'
			};
	}
}
