/**
 * The fleet crossfilter over the library's per-mission facts (one row per mission: the KPIs of
 * one SQL pass over all missions, the pre-aggregate that pays). Brushing a range on one chart
 * filters every other chart and the table; each chart shows the missions that pass every brush
 * but its own (so its own bars stay visible around the brush), as Mosaic's crossfilter does.
 * At 100 hours this is ~100–150 rows: a JS pass answers in well under a millisecond, where a
 * DuckDB round trip alone costs 3–7 ms (measured-anchors.md).
 */

/** What the fleet charts read from each mission (a library row has all of these). */
export interface FleetFact {
	mission_id: string;
	started_at: number;
	time_to_detection_s?: number | null;
	detection_range_m?: number | null;
	search_time_min?: number | null;
	fr1_pass?: boolean | null;
	fr3_pass?: boolean | null;
	story34_pass?: boolean | null;
	nfr7_pass?: boolean | null;
	goal_70_pass?: boolean | null;
}

/** The brushable dimensions, each a number per mission (or null: not measured). */
export const FLEET_DIMS = {
	/** Mission start, epoch ms (the calendar). */
	started: (r: FleetFact) => r.started_at,
	/** Time to first detection, min. */
	ttd: (r: FleetFact) => (r.time_to_detection_s == null ? null : r.time_to_detection_s / 60),
	/** Detection range, m. */
	range: (r: FleetFact) => r.detection_range_m ?? null,
	/** Search time, min. */
	search: (r: FleetFact) => r.search_time_min ?? null
} as const;

export type FleetDim = keyof typeof FLEET_DIMS;
export type FleetBrushes = Partial<Record<FleetDim, readonly [number, number]>>;

/** The missions inside every brush, except `except`'s (a chart's own brush). */
export function crossfilter<T extends FleetFact>(
	rows: readonly T[],
	brushes: FleetBrushes,
	except?: FleetDim
): T[] {
	const active = (Object.entries(brushes) as [FleetDim, readonly [number, number]][]).filter(
		([d, r]) => d !== except && r
	);
	if (!active.length) return [...rows];
	return rows.filter((row) =>
		active.every(([d, [lo, hi]]) => {
			const v = FLEET_DIMS[d](row);
			return v != null && v >= lo && v <= hi;
		})
	);
}

/** The requirements the fleet view counts, in reading order. */
export const REQUIREMENTS = [
	{ key: 'fr1_pass', label: 'FR1 range' },
	{ key: 'fr3_pass', label: 'FR3 < 2 s' },
	{ key: 'story34_pass', label: 'Story 3.4 ≤ 50 m' },
	{ key: 'nfr7_pass', label: 'NFR7 FP < 5 %' },
	{ key: 'goal_70_pass', label: '70 % goal' }
] as const;

export interface PassRate {
	requirement: string;
	pass: number;
	fail: number;
	/** Missions where it could not be judged (no detection, no truth). */
	unjudged: number;
	/** Pass share of the judged missions, %; null when none was judged. */
	pass_pct: number | null;
}

/** Pass / fail / unjudged counts per requirement over `rows`. */
export function passRates(rows: readonly FleetFact[]): PassRate[] {
	return REQUIREMENTS.map(({ key, label }) => {
		let pass = 0;
		let fail = 0;
		for (const r of rows) {
			if (r[key] === true) pass++;
			else if (r[key] === false) fail++;
		}
		const judged = pass + fail;
		return {
			requirement: label,
			pass,
			fail,
			unjudged: rows.length - judged,
			pass_pct: judged ? (100 * pass) / judged : null
		};
	});
}

/** One state's dwell in one mission (sql/queries/mission-kpi/state_dwell.sql). */
export interface DwellFact {
	mission_id: string;
	state: string;
	dwell_s: number;
}

/** Hours spent in each flight state over the missions in `ids`, largest first. */
export function dwellHours(
	dwell: readonly DwellFact[],
	ids: ReadonlySet<string>
): { state: string; hours: number }[] {
	const by: Record<string, number> = {};
	for (const d of dwell) if (ids.has(d.mission_id)) by[d.state] = (by[d.state] ?? 0) + d.dwell_s;
	return Object.entries(by)
		.map(([state, s]) => ({ state, hours: s / 3600 }))
		.sort((a, b) => b.hours - a.hours);
}
