/** The beacon posterior off the main thread: one worker API for review and live. */
export { BeaconWorker, reviewWorker } from './client';
export { BeaconService } from './service';
export type { LiveRegions, NextLegView } from './messages';
