/**
 * Where is the beacon (issue 16): the posterior over beacon positions from a mission's pulse
 * peaks, in review and live, the next leg to fly and which detections the beacon explains. Pure
 * TypeScript: rows in, results out. Method and measurements: docs/beacon-posterior.md.
 */
export { pulsePeaks } from './observations';
export type { BeaconObservation, PositionedSample } from './observations';
export { beaconPosterior, posteriorMassInCircle, fitObservations, MIN_SNR_DB } from './posterior';
export type { BeaconPosterior, CredibleRegion, PosteriorOptions } from './posterior';
export { LivePosterior } from './live';
export type { LivePosteriorOptions } from './live';
export { suggestNextLeg, candidateLegs } from './next-leg';
export type { Leg, LegScore, NextLegOptions } from './next-leg';
export { explainDetections, medianNoiseFloor } from './explain';
export type { DetectionExplanation, DetectionInput, ExplainOptions } from './explain';
export { plainFit } from './plain-fit';
export { REGION_MASS, calibratedLevelOf } from './calibration';
export type { RegionLevel } from './calibration';
export type { NoiseModel } from './noise';
export type { GridSpec } from './grid';
