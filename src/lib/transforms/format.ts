/** Display formats. Pure. */

/** 754 → "12:34", 3725 → "1:02:05". */
export function formatDuration(seconds: number | null | undefined): string {
	if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
	const s = Math.round(seconds);
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const ss = String(s % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

// One formatter per digits: toLocaleString builds one per call (a 146-mission library table
// spent ~35 ms of its one render task on it).
const formats = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
	let f = formats.get(digits);
	if (!f) {
		f = new Intl.NumberFormat('en-US', {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		formats.set(digits, f);
	}
	return f;
}

/** A number with fixed digits and a unit, or an em dash when missing. */
export function formatNumber(v: number | null | undefined, digits = 1, unit = ''): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '—';
	const text = numberFormat(digits).format(v);
	if (!unit) return text;
	return unit === '°' ? `${text}°` : `${text} ${unit}`;
}

/** Epoch ms → "2025-08-21 01:30:00Z" (UTC, as the Pi records). */
export function formatUtc(ms: number | null | undefined): string {
	if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
	return new Date(ms)
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d+Z$/, 'Z');
}

/** Machine-readable value for data-value attributes: numbers as-is, missing as ''. */
export function kpiValue(v: number | string | null | undefined): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	return v;
}
