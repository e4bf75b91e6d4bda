/**
 * Plain-JS reference computations for tests/sql/signal.test.ts, written from the definitions
 * (pisad-domain.md §3, the seed's queries), independent of the SQL under test: naive loops that
 * are slow but obviously right.
 */

/** One RSSI sample as the tests read it from the simulator's rows. */
export interface Sample {
	seq: number;
	t_rel_s: number;
	rssi_dbm: number;
	snr_db: number;
}

/** sort_ascending(window)[floor(p·(n−1))] of the last `w` values up to and including i. */
export function rollingFloorNaive(
	x: readonly number[],
	w: number,
	minN: number,
	defaultDbm: number,
	p: number
): number[] {
	return x.map((_, i) => {
		const win = x.slice(Math.max(0, i - w + 1), i + 1).sort((a, b) => a - b);
		return win.length < minN ? defaultDbm : (win[Math.floor(p * (win.length - 1))] as number);
	});
}

/** Linear-interpolated percentile (SQL percentile_cont) of unsorted values. */
export function percentileCont(values: readonly number[], p: number): number {
	const s = [...values].sort((a, b) => a - b);
	const pos = p * (s.length - 1);
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	const a = s[lo] as number;
	return a + (pos - lo) * ((s[hi] as number) - a);
}

/** The Pi's debounce as a state machine (chain.ts step 4): detected after each sample. */
export function debounce(
	snr: readonly number[],
	trigger: number,
	drop: number,
	nIn: number,
	nOut: number
): boolean[] {
	let on = false;
	let up = 0;
	let down = 0;
	return snr.map((s) => {
		if (!on) {
			up = s > trigger ? up + 1 : 0;
			if (up >= nIn) [on, up, down] = [true, 0, 0];
		} else {
			down = s <= drop ? down + 1 : 0;
			if (down >= nOut) [on, up, down] = [false, 0, 0];
		}
		return on;
	});
}

/** Detection intervals [startIdx, endIdx) of a per-sample state (endIdx = length if still on). */
export function intervalsOf(state: readonly boolean[]): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	state.forEach((on, i) => {
		const prev = i > 0 && state[i - 1] === true;
		if (on && !prev) out.push({ start: i, end: state.length });
		if (!on && prev) (out[out.length - 1] as { end: number }).end = i;
	});
	return out;
}

/** Centred least-squares slope of y on x and R² (regr_r2: 1 for flat y, null for flat x). */
export function leastSquares(
	x: readonly number[],
	y: readonly number[]
): { slope: number; r2: number | null } {
	const n = x.length;
	const mx = x.reduce((a, b) => a + b, 0) / n;
	const my = y.reduce((a, b) => a + b, 0) / n;
	let sxx = 0;
	let sxy = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = (x[i] as number) - mx;
		const dy = (y[i] as number) - my;
		sxx += dx * dx;
		sxy += dx * dy;
		syy += dy * dy;
	}
	const r2 = sxx === 0 ? null : syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
	return { slope: sxy / sxx, r2 };
}

/** Size of the temporal-gradient window at i: min(max, samples j ≤ i with t_j ≥ t_i − w). */
export function gradientWindowSize(t: readonly number[], i: number, w: number, max: number) {
	let n = 0;
	for (let j = i; j >= 0 && (t[j] as number) >= (t[i] as number) - w; j--) n++;
	return Math.min(max, n);
}

/** Sample standard deviation (STDDEV_SAMP); null below 2 values. */
function stddevSamp(v: readonly number[]): number | null {
	if (v.length < 2) return null;
	const m = v.reduce((a, b) => a + b, 0) / v.length;
	return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
}

export interface PatternGroup {
	samples: number;
	pulse_count: number;
	signal_stability_db: number | null;
	signal_range_db: number;
	max_rssi_dbm: number;
}

/** The seed's beacon pattern over one mission: whole mission (key 'all') and per bucket start. */
export function beaconPatternRef(
	s: readonly Sample[],
	windowS: number,
	deltaDb: number
): Map<number | 'all', PatternGroup> {
	const acc = new Map<number | 'all', { n: number; pulses: number; vol: number[]; x: number[] }>();
	s.forEach((r, i) => {
		const prev = s[i - 1];
		const pulse = prev !== undefined && r.rssi_dbm - prev.rssi_dbm > deltaDb;
		const vol = stddevSamp(s.slice(Math.max(0, i - 5), i + 1).map((q) => q.rssi_dbm));
		for (const key of ['all', Math.floor(r.t_rel_s / windowS) * windowS] as const) {
			const a = acc.get(key) ?? { n: 0, pulses: 0, vol: [], x: [] };
			a.n++;
			if (pulse) a.pulses++;
			if (vol !== null) a.vol.push(vol);
			a.x.push(r.rssi_dbm);
			acc.set(key, a);
		}
	});
	const out = new Map<number | 'all', PatternGroup>();
	for (const [k, a] of acc) {
		out.set(k, {
			samples: a.n,
			pulse_count: a.pulses,
			signal_stability_db: a.vol.length ? a.vol.reduce((p, q) => p + q, 0) / a.vol.length : null,
			signal_range_db: Math.max(...a.x) - Math.min(...a.x),
			max_rssi_dbm: Math.max(...a.x)
		});
	}
	return out;
}
