/** One RSSI observation at a local position (metres from the mission origin). */
export interface GradientSample {
	north_m: number;
	east_m: number;
	rssi_dbm: number;
}

/** A fitted RSSI plane's slope. */
export interface GradientFit {
	/** Direction of steepest RSSI increase, degrees clockwise from north in [0, 360). */
	bearing_deg: number;
	/** Slope magnitude, dB per metre. */
	mag_db_per_m: number;
	/** Coefficient of determination of the plane fit, 0..1 (the Pi's gradient confidence). */
	r2: number;
}

/**
 * Least-squares plane RSSI = a·north + b·east + c over `samples`, in centred coordinates
 * (pisad-domain.md §4): x = north − mean, y = east − mean, r = rssi − mean,
 * det = Sxx·Syy − Sxy², a = (Syy·Sxr − Sxy·Syr)/det, b = (Sxx·Syr − Sxy·Sxr)/det,
 * R² = (a·Sxr + b·Syr)/Srr (0 when Srr = 0). bearing = atan2(b, a).
 * Returns null for fewer than 3 samples, det <= 0, or var(x) + var(y) < 0.1 m² (population
 * variances), where the fit is undefined or meaningless.
 */
export function planeFitGradient(samples: readonly GradientSample[]): GradientFit | null {
	const n = samples.length;
	if (n < 3) return null;
	let mn = 0;
	let me = 0;
	let mr = 0;
	for (const s of samples) {
		mn += s.north_m;
		me += s.east_m;
		mr += s.rssi_dbm;
	}
	mn /= n;
	me /= n;
	mr /= n;
	let sxx = 0;
	let syy = 0;
	let sxy = 0;
	let sxr = 0;
	let syr = 0;
	let srr = 0;
	for (const s of samples) {
		const x = s.north_m - mn;
		const y = s.east_m - me;
		const r = s.rssi_dbm - mr;
		sxx += x * x;
		syy += y * y;
		sxy += x * y;
		sxr += x * r;
		syr += y * r;
		srr += r * r;
	}
	const det = sxx * syy - sxy * sxy;
	if (!(det > 0) || (sxx + syy) / n < 0.1) return null;
	const a = (syy * sxr - sxy * syr) / det;
	const b = (sxx * syr - sxy * sxr) / det;
	const r2 = srr > 0 ? Math.min(1, Math.max(0, (a * sxr + b * syr) / srr)) : 0;
	const bearing = ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;
	return { bearing_deg: bearing, mag_db_per_m: Math.hypot(a, b), r2 };
}
