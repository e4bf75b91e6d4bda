/**
 * Detections explained (issue 16 item 7) as KPI values: how many of a mission's detections the
 * beacon posterior's fitted model accounts for, beside the Pi's 100 m rule. Pure: the posterior
 * and the detection rows in, counts out. NFR7 is judged on this count when no truth exists.
 */
import { explainDetections, type BeaconPosterior } from '$lib/beacon';
import { toLocal } from '$lib/geo';

/** A detection row as the detection list gives it. */
export interface ExplainableDetection {
	lat_deg: number | null;
	lon_deg: number | null;
	rssi_dbm: number | null;
}

/** The model's counts (named as their KPI cards). */
export interface DetectionsExplained {
	/** Detections the posterior's fitted model explains. */
	detections_explained: number;
	/** Detections it does not (interference, a second emitter): the model's false positives. */
	detections_unexplained: number;
	/** Unexplained share of the classified detections, %. */
	detections_unexplained_pct: number | null;
}

/** Flight height assumed for a detection (its row carries none): the simulator's and Pi's 50 m. */
const DETECTION_ALT_M = 50;

/**
 * Classifies each positioned detection with {@link explainDetections}. The rows carry RSSI, not
 * the receiver's noise floor, so the test runs in dBm (RSSI against the model's predicted RSSI,
 * noise floor 0): the same comparison as SNR against predicted SNR. Null without a posterior.
 */
export function detectionsExplained(
	post: BeaconPosterior | null | undefined,
	detections: readonly ExplainableDetection[]
): DetectionsExplained | null {
	if (!post) return null;
	const rows = detections.flatMap((d) =>
		d.lat_deg != null && d.lon_deg != null && d.rssi_dbm != null
			? [
					{
						...toLocal({ lat_deg: d.lat_deg, lon_deg: d.lon_deg }, post.origin),
						snr_db: d.rssi_dbm
					}
				]
			: []
	);
	const ex = explainDetections(post, rows, { noiseFloorDbm: 0, altM: DETECTION_ALT_M });
	const explained = ex.filter((e) => e.explained).length;
	const unexplained = ex.length - explained;
	return {
		detections_explained: explained,
		detections_unexplained: unexplained,
		detections_unexplained_pct: ex.length ? (100 * unexplained) / ex.length : null
	};
}

/** The posterior's KPI values of a mission: 90 % area and reach, and detections explained. */
export function beaconFinding(
	post: BeaconPosterior | null,
	detections: readonly ExplainableDetection[]
): Partial<DetectionsExplained> & {
	beacon_region90_m2: number | null;
	beacon_region90_reach_m: number | null;
} {
	return {
		beacon_region90_m2: post?.region90.area_m2 ?? null,
		beacon_region90_reach_m: post?.region90.reach_m ?? null,
		...(detectionsExplained(post, detections) ?? {})
	};
}
