/** Timing and cross-checking for the analytics bench; pure apart from performance.now(). */
import type { Cell, ResultRow, SizeRequest, Timing } from './types';

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	if (s.length === 0) return NaN;
	return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * One warm-up run, then `runs` timed runs (fewer, `slowRuns`, when the warm-up alone took longer
 * than `slowMs`: a 20 s question five times over would dominate the bench). Returns the median and
 * the last run's answer.
 */
export async function measure<T>(
	fn: () => Promise<T>,
	opts: Pick<SizeRequest, 'runs' | 'slowMs' | 'slowRuns'>
): Promise<{ timing: Timing; last: T }> {
	let t0 = performance.now();
	let last = await fn();
	const warmupMs = performance.now() - t0;
	const runs = warmupMs > opts.slowMs ? opts.slowRuns : opts.runs;
	const runsMs: number[] = [];
	for (let i = 0; i < runs; i++) {
		t0 = performance.now();
		last = await fn();
		runsMs.push(performance.now() - t0);
	}
	const rows = Array.isArray(last) ? last.length : last === null ? 0 : 1;
	return { timing: { medianMs: median(runsMs), runsMs, warmupMs, rows }, last };
}

function close(a: Cell, b: Cell, tol: number): boolean {
	if (typeof a === 'number' && typeof b === 'number') {
		if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
		return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
	}
	return a === b;
}

/**
 * Same rows, same columns, numbers equal to `tol` (absolute below 1, relative above). Returns the
 * first difference so a ✗ says where the engines disagree.
 */
export function crossCheck(
	duck: ResultRow[],
	sqlite: ResultRow[],
	tol = 1e-6
): { ok: boolean; note: string } {
	if (duck.length !== sqlite.length)
		return { ok: false, note: `${duck.length} rows in DuckDB, ${sqlite.length} in SQLite` };
	for (let i = 0; i < duck.length; i++) {
		const a = duck[i] as ResultRow;
		const b = sqlite[i] as ResultRow;
		for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
			const x = a[k] ?? null;
			const y = b[k] ?? null;
			if (!close(x, y, tol))
				return {
					ok: false,
					note: `row ${i} ${k}: DuckDB ${JSON.stringify(x)}, SQLite ${JSON.stringify(y)}`
				};
		}
	}
	return { ok: true, note: `${duck.length} rows agree` };
}
