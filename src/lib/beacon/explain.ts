/**
 * Detections explained (issue 16 item 7): a detection is explained by the beacon when its SNR is
 * no more than the fitted model allows at that position, within the shadowing. The model's best
 * case is taken over the 90 % region (the beacon position in it closest to the detection), so a
 * detection is called unexplained only when no plausible beacon position accounts for it:
 * interference and second emitters read far stronger than the beacon could there.
 */
import type { LocalPoint } from '../geo';
import { cellCentre } from './grid';
import type { BeaconPosterior } from './posterior';

/** A detection to classify (the fields of a detection row that matter). */
export interface DetectionInput extends LocalPoint {
	snr_db: number;
	/** Drone height above home at the detection, m (default: the options' altM). */
	alt_rel_m?: number | null;
}

/** Classification of one detection. */
export interface DetectionExplanation<D extends DetectionInput = DetectionInput> {
	detection: D;
	/** Highest SNR the fitted model predicts there for a beacon in the 90 % region, dB. */
	predicted_snr_db: number;
	/** (measured − predicted) / residual σ. */
	z: number;
	explained: boolean;
}

/** Options of {@link explainDetections}. */
export interface ExplainOptions {
	/** Receiver noise floor, dBm (the median of the observations' noise floor). */
	noiseFloorDbm: number;
	/** Default drone height when a detection has none, m (50). */
	altM?: number;
	/** How many residual σ above the prediction still count as explained (3). */
	zMax?: number;
}

/** Classifies each detection as explained by the posterior's fitted model or not. */
export function explainDetections<D extends DetectionInput>(
	post: BeaconPosterior,
	detections: readonly D[],
	o: ExplainOptions
): DetectionExplanation<D>[] {
	const zMax = o.zMax ?? 3;
	const cells = post.region90.cells.map((k) => cellCentre(post.grid, k));
	const sigma = Math.max(post.sigma_db, 0.5);
	return detections.map((d) => {
		const h = d.alt_rel_m ?? o.altM ?? 50;
		let best = Infinity;
		for (const c of cells) {
			best = Math.min(best, (d.north_m - c.north_m) ** 2 + (d.east_m - c.east_m) ** 2);
		}
		const slant = Math.sqrt(best + h * h + 1);
		const pred = post.a_db - 10 * post.path_loss_exponent * Math.log10(slant) - o.noiseFloorDbm;
		const z = (d.snr_db - pred) / sigma;
		return { detection: d, predicted_snr_db: pred, z, explained: z <= zMax };
	});
}

/** Median noise floor of the observations, dBm (the receiver's level over the mission). */
export function medianNoiseFloor(obs: readonly { noise_floor_dbm: number }[]): number {
	const v = obs.map((o) => o.noise_floor_dbm).sort((a, b) => a - b);
	return v[Math.floor(v.length / 2)] ?? -109;
}
