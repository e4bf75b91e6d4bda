import { describe, expect, it } from 'vitest';
import { timeLeft } from './progress';

describe('timeLeft', () => {
	it('is the rest at the rate since the base, not since the start', () => {
		// First chunk in at 2 s with 18 MB; at 4 s, 90 of 344 MB: 72 MB in 2 s, 254 MB to go.
		expect(timeLeft({ t: 2000, bytes: 18e6 }, 4000, 90e6, 344e6)).toBeCloseTo(254 / 36, 6);
	});
	it('is unknown without a base, a total, or bytes since the base', () => {
		expect(timeLeft(null, 4000, 90e6, 344e6)).toBeNull();
		expect(timeLeft({ t: 2000, bytes: 18e6 }, 4000, 90e6, null)).toBeNull();
		expect(timeLeft({ t: 2000, bytes: 18e6 }, 4000, 18e6, 344e6)).toBeNull();
		expect(timeLeft({ t: 2000, bytes: 18e6 }, 2000, 20e6, 344e6)).toBeNull();
	});
	it('is 0 when every byte is in', () => {
		expect(timeLeft({ t: 2000, bytes: 18e6 }, 4000, 344e6, 344e6)).toBe(0);
	});
});
