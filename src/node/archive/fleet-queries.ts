/**
 * The questions `npm run fleet` answers: the browser's own query wrappers (src/lib/queries) with
 * the parameters the app's panels give them, by the name of their SQL file. Loaded by Vite's
 * module runner (the wrappers read their SQL through `import.meta.glob`).
 */
import type { Db } from '../../lib/db/types';
import { missionKpiSql } from '../../lib/queries/kpi-mission-kpis';
import { stateDwell } from '../../lib/queries/kpi-state-dwell';
import { stateTimeline } from '../../lib/queries/kpi-state-timeline';
import { stateTransitionCounts } from '../../lib/queries/kpi-state-transition-counts';
import { telemetrySummary } from '../../lib/queries/kpi-telemetry-summary';
import { missionList } from '../../lib/queries/mission-list';
import { missionSummary } from '../../lib/queries/mission-summary';
import { detectionList } from '../../lib/queries/detection-list';
import { beaconPattern } from '../../lib/queries/signal-beacon-pattern';
import { detectionIntervals } from '../../lib/queries/signal-detection-intervals';
import { noiseFloorWindow } from '../../lib/queries/signal-noise-floor-window';
import { snrSummary } from '../../lib/queries/signal-snr-summary';
import { temporalGradient } from '../../lib/queries/signal-temporal-gradient';
import { beaconEstimate } from '../../lib/queries/spatial-beacon-estimate';
import { coverage } from '../../lib/queries/spatial-coverage';
import { heatMap } from '../../lib/queries/spatial-heat-map';
import { spatialGradient } from '../../lib/queries/spatial-gradient';
import { track } from '../../lib/queries/track';
import { rssiSeries } from '../../lib/queries/rssi-series';

/** One question: its SQL file, whether it needs `--mission`, and how the app asks it. */
export interface FleetQuery {
	file: string;
	/** 'all': every mission unless --mission narrows it; 'one': --mission is required. */
	scope: 'all' | 'one';
	run(db: Db, missionId: string | null): Promise<unknown[]>;
}

const all = (file: string, run: FleetQuery['run']): FleetQuery => ({ file, scope: 'all', run });
const one = (file: string, run: (db: Db, id: string) => Promise<unknown[]>): FleetQuery => ({
	file,
	scope: 'one',
	run: (db, id) => run(db, id ?? '')
});

/** Every question by name. */
export const FLEET_QUERIES: Record<string, FleetQuery> = {
	mission_list: all('mission/mission_list', (db) => missionList(db)),
	mission_kpis: all('mission-kpi/mission_kpis', (db, id) => missionKpiSql(db, id)),
	state_dwell: all('mission-kpi/state_dwell', (db, id) => stateDwell(db, id)),
	state_timeline: all('mission-kpi/state_timeline', (db, id) => stateTimeline(db, id)),
	state_transition_counts: all('mission-kpi/state_transition_counts', (db, id) =>
		stateTransitionCounts(db, id)
	),
	telemetry_summary: all('mission-kpi/telemetry_summary', (db, id) => telemetrySummary(db, id)),
	snr_summary: all('signal/snr_summary', (db, id) => snrSummary(db, id)),
	detection_intervals: all('signal/detection_intervals', (db, id) => detectionIntervals(db, id)),
	beacon_pattern: all('signal/beacon_pattern', (db, id) => beaconPattern(db, id)),
	noise_floor_window: all('signal/noise_floor_window', (db, id) => noiseFloorWindow(db, id)),
	temporal_gradient: all('signal/temporal_gradient', (db, id) => temporalGradient(db, id)),
	beacon_estimate: all('spatial/beacon_estimate', (db, id) => beaconEstimate(db, id)),
	coverage: all('spatial/coverage', (db, id) => coverage(db, id)),
	heat_map: all('spatial/heat_map', (db, id) => heatMap(db, id)),
	spatial_gradient: all('spatial/spatial_gradient', (db, id) => spatialGradient(db, id)),
	mission_summary: one('mission/mission_summary', async (db, id) =>
		[await missionSummary(db, id)].filter((r) => r !== null)
	),
	detection_list: one('mission/detection_list', (db, id) => detectionList(db, id)),
	track: one('mission/track', (db, id) => track(db, id, 5000)),
	rssi_series: one('mission/rssi_series', (db, id) => rssiSeries(db, id, 5000))
};
