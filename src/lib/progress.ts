/**
 * The progress bar's facts (one shape for the loader that reports and the bar that shows it):
 * what is loading, files done out of total; a library import adds bytes, rows inserted, the time
 * left and a way to cancel.
 */
export interface LoadProgress {
	label: string;
	done: number;
	total: number;
	bytes?: { done: number; total: number };
	rows?: number;
	/** Seconds left, estimated from the bytes done so far (null until it can be). */
	etaS?: number | null;
	cancel?: () => void;
}

/** Where a job stood when its rate starts being measured: time (ms) and bytes done. */
export interface RateBase {
	t: number;
	bytes: number;
}

/**
 * Seconds left at `now` with `done` of `total` bytes, at the rate since `base` (the end of a
 * library import's first chunk: the engine's start and the first read and decode come once, and
 * counted in, they made the first estimates ~3× too long, "0:23 left" 1.5 s into a 7.5 s
 * import). Null until there is a rate.
 */
export function timeLeft(
	base: RateBase | null,
	now: number,
	done: number,
	total: number | null
): number | null {
	if (total === null || !base || done <= base.bytes || now <= base.t) return null;
	return ((now - base.t) / 1000) * ((total - done) / (done - base.bytes));
}
