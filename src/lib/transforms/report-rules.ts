/**
 * Recommendations from the requirement rules of pisad-domain.md §6: each failed (or unmeasurable)
 * requirement gives one concrete next step, worded for a field team. Pure.
 */
import { formatNumber } from './format';

export interface Recommendation {
	/** The requirement or metric the rule checks (FR1, FR3, Story 3.4, NFR7, PRD goal, ...). */
	rule: string;
	severity: 'action' | 'watch' | 'ok';
	text: string;
}

export interface RuleKpis {
	detection_range_m?: number | null;
	detection_range_snr_db?: number | null;
	fr1_pass?: boolean | null;
	detecting_to_homing_latency_s?: number | null;
	fr3_pass?: boolean | null;
	approach_accuracy_m?: number | null;
	story34_pass?: boolean | null;
	false_positives?: number | null;
	false_positive_rate_pct?: number | null;
	nfr7_pass?: boolean | null;
	search_time_min?: number | null;
	goal_70_pass?: boolean | null;
	homing_efficiency_pct?: number | null;
	time_to_locate_s?: number | null;
}

const n = (v: number | null | undefined, d = 0, u = '') => formatNumber(v ?? null, d, u);

/** Recommendations in priority order; a mission that meets everything gets one 'ok' line. */
export function recommendations(
	k: RuleKpis | null,
	detections: number,
	/** Distances (m) from the beacon of the detections judged false by the 100 m rule. */
	falseDistancesM: readonly number[] = []
): Recommendation[] {
	if (!k)
		return [
			{
				rule: 'data',
				severity: 'watch',
				text: 'The KPIs could not be computed for this mission; check the data-quality notes.'
			}
		];
	const out: Recommendation[] = [];
	const located = k.time_to_locate_s != null;
	if (detections === 0)
		out.push({
			rule: 'FR1',
			severity: 'action',
			text: 'The beacon was never detected. Confirm the beacon frequency and power, then widen the search boundary or reduce pattern spacing (50–100 m) so the track passes within detection range.'
		});
	else if (k.fr1_pass === false)
		out.push({
			rule: 'FR1',
			severity: 'action',
			text: `Detection range ${n(k.detection_range_m, 0, 'm')} is below the 500 m of FR1. Check antenna orientation and SDR gain, fly at the 50 m AGL reference altitude, and review the SNR trigger (${n(k.detection_range_snr_db, 1, 'dB')} at first detection).`
		});
	if (k.fr3_pass === false)
		out.push({
			rule: 'FR3',
			severity: 'action',
			text: `DETECTING → HOMING took ${n(k.detecting_to_homing_latency_s, 2, 's')} (FR3: < 2 s). Enable homing before the search, or shorten the debounce (debounce_in_samples) so homing starts sooner.`
		});
	if (k.story34_pass === false)
		out.push({
			rule: 'Story 3.4',
			severity: 'action',
			text: `Final position ${n(k.approach_accuracy_m, 1, 'm')} from the beacon (Story 3.4: within 50 m). Slow the final approach and check the gradient confidence before HOLDING.`
		});
	else if (detections > 0 && !located)
		out.push({
			rule: 'Story 3.4',
			severity: 'action',
			text: 'The beacon was detected but never acquired (no HOLDING): review the homing log and the operator actions after detection.'
		});
	if (k.nfr7_pass === false) {
		// FR1 asks for detection at 500 m or more, the 100 m rule calls every detection beyond
		// 100 m false: detections between the two are most likely the beacon itself.
		const near = falseDistancesM.filter((d) => d < 500).length;
		out.push(
			near > falseDistancesM.length / 2
				? {
						rule: 'NFR7',
						severity: 'action',
						text: `False positives ${n(k.false_positive_rate_pct, 0, '%')} (NFR7: < 5 %), but ${near} of the ${falseDistancesM.length} were 100–500 m from the beacon: inside the range FR1 requires it to be detected at, so most likely the beacon itself, counted false only by the 100 m rule. Check them on the map before raising the trigger.`
					}
				: {
						rule: 'NFR7',
						severity: 'action',
						text: `False positives ${n(k.false_positive_rate_pct, 0, '%')} (NFR7: < 5 %). Raise snr_trigger_db or debounce_in_samples, and look for interference at the times of the false detections.`
					}
		);
	}
	if (k.goal_70_pass === false && located)
		out.push({
			rule: 'PRD goal',
			severity: 'action',
			text: `Search time ${n(k.search_time_min, 1, 'min')} exceeds the 36 min goal (70 % below a 120 min ground search). Start the pattern nearer the last known position or increase speed/spacing within detection range.`
		});
	if (k.homing_efficiency_pct != null && k.homing_efficiency_pct < 50)
		out.push({
			rule: 'Homing efficiency',
			severity: 'watch',
			text: `Homing efficiency ${n(k.homing_efficiency_pct, 0, '%')} (straight line / flown path): the approach wandered; check gradient estimates and wind.`
		});
	if (!out.some((r) => r.severity === 'action'))
		out.push({
			rule: 'Story 3.4',
			severity: 'ok',
			text: 'Every measured requirement passed. Story 3.4 asks for 5 consecutive successful tests: repeat and compare before sign-off (NFR8: 90 % homing success).'
		});
	return out;
}
