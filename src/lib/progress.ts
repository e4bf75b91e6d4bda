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
