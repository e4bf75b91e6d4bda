/**
 * Fixed-size window that answers "the p-th percentile of the last `window` values" with the
 * Pi's lower-index rule `sorted[Math.floor(p * (n - 1))]`.
 *
 * A ring buffer keeps arrival order (to know which value leaves) and a sorted copy is kept up to
 * date with binary search + splice, so each push is O(window) and a query is O(1).
 */
export class RollingPercentile {
	readonly window: number;
	readonly percentile: number;
	private readonly ring: number[] = [];
	private readonly sorted: number[] = [];
	private head = 0;

	constructor(window: number, percentile: number) {
		if (!(window >= 1) || !Number.isInteger(window)) throw new Error('window must be >= 1');
		if (!(percentile >= 0 && percentile <= 1)) throw new Error('percentile must be in [0, 1]');
		this.window = window;
		this.percentile = percentile;
	}

	/** Number of values currently in the window (at most `window`). */
	get size(): number {
		return this.ring.length;
	}

	/** Adds a value; once full, the oldest value leaves the window. */
	push(value: number): void {
		if (this.ring.length < this.window) {
			this.ring.push(value);
		} else {
			const old = this.ring[this.head] as number;
			this.ring[this.head] = value;
			this.head = (this.head + 1) % this.window;
			this.sorted.splice(lowerBound(this.sorted, old), 1);
		}
		this.sorted.splice(lowerBound(this.sorted, value), 0, value);
	}

	/** `sorted[Math.floor(percentile * (n - 1))]` (IEEE double, as Python's int()); NaN if empty. */
	value(): number {
		const n = this.sorted.length;
		if (n === 0) return NaN;
		return this.sorted[Math.floor(this.percentile * (n - 1))] as number;
	}
}

/** RollingPercentile fixed at the Pi's 10th percentile. */
export class RollingP10 extends RollingPercentile {
	constructor(window = 100) {
		super(window, 0.1);
	}
}

/** First index whose value is >= x. */
function lowerBound(a: readonly number[], x: number): number {
	let lo = 0;
	let hi = a.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((a[mid] as number) < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
