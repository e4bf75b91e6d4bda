/**
 * Seeded pseudo-random numbers (mulberry32 + Box–Muller). The simulator never uses
 * Math.random so one seed always gives one mission, in Node and in the browser alike.
 */
export class Rng {
	private state: number;
	private spare: number | null = null;

	constructor(seed: number) {
		// Scramble the seed so that nearby seeds do not start with correlated streams.
		this.state = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
		for (let i = 0; i < 4; i++) this.next();
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Uniform in [lo, hi). */
	range(lo: number, hi: number): number {
		return lo + (hi - lo) * this.next();
	}

	/** Integer in [lo, hi] inclusive. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	/** Normal(mean, sd) by Box–Muller, caching the second variate. */
	normal(mean = 0, sd = 1): number {
		if (this.spare !== null) {
			const z = this.spare;
			this.spare = null;
			return mean + sd * z;
		}
		const u = 1 - this.next();
		const v = this.next();
		const r = Math.sqrt(-2 * Math.log(u));
		this.spare = r * Math.sin(2 * Math.PI * v);
		return mean + sd * r * Math.cos(2 * Math.PI * v);
	}

	/** An independent child stream, so adding draws in one subsystem does not shift another. */
	fork(salt: number): Rng {
		return new Rng((Math.floor(this.next() * 2 ** 31) ^ Math.imul(salt, 0x27d4eb2d)) | 0);
	}
}
