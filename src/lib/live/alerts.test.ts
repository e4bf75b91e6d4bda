import { describe, expect, test } from 'vitest';
import { AlertTracker, SIGNAL_LOST_GRACE_MS } from './alerts';

/** Feed `detected` at 10 Hz from t0 for `ms`. */
function feed(a: AlertTracker, t0: number, ms: number, detected: (t: number) => boolean) {
	for (let t = t0; t < t0 + ms; t += 100) a.sample(t, detected(t) ? 15 : 2, detected(t), 'HOMING');
	return t0 + ms;
}

describe('AlertTracker detection alerts', () => {
	test('a detection that flaps every second raises one "detected", not one per flap', () => {
		const a = new AlertTracker();
		// On 1 s, off 0.6 s, for 20 s.
		feed(a, 0, 20_000, (t) => t % 1600 < 1000);
		expect(a.list.map((x) => x.kind)).toEqual(['detection']);
	});

	test('"Signal lost" once the detection stays off for the grace time, dated when it went off', () => {
		const a = new AlertTracker();
		let t = feed(a, 0, 2_000, () => true);
		t = feed(a, t, SIGNAL_LOST_GRACE_MS + 500, () => false);
		expect(a.list.map((x) => x.kind)).toEqual(['signal_lost', 'detection']);
		expect(a.list[0]?.t).toBe(2_000);
		// Heard again after a real loss: announced again.
		feed(a, t, 1_000, () => true);
		expect(a.list.map((x) => x.kind)).toEqual(['detection', 'signal_lost', 'detection']);
	});
});
