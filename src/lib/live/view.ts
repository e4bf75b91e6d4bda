/** A plain snapshot of a live session for the UI (rebuilt on every UI tick; no reactivity here). */
import type { DetectionRow } from '$lib/contract';
import type { GradientFit } from '$lib/signal';
import type { Alert } from './alerts';
import type { LinkStatus } from './link';
import type { LiveSession } from './session';
import type { BeaconEstimate, Fix } from './stats';

export interface LiveView {
	status: LinkStatus;
	pi: string;
	missionId: string | null;
	startedAt: number | null;
	/** Seconds since the last frame (any type), null before the first. */
	ageS: number | null;
	msgsPerS: number;
	rttMs: number | null;
	state: string | null;
	timeInStateS: number | null;
	rssiDbm: number | null;
	noiseFloorDbm: number | null;
	snrDb: number | null;
	detected: boolean;
	batteryPct: number | null;
	position: Fix | null;
	beacon: BeaconEstimate | null;
	gradient: GradientFit | null;
	detections: DetectionRow[];
	alerts: Alert[];
	gaps: { from: number; to: number | null }[];
	frames: number;
	malformed: number;
	duplicates: number;
	ignored: number;
	backfilled: number;
	written: number;
	persisted: number;
	error: string | null;
}

/** Snapshot of `s` at `now` (performance.now()). */
export function liveView(s: LiveSession, now: number): LiveView {
	const st = s.stats;
	const last = st.last;
	return {
		status: s.status,
		pi: s.address.hostPort,
		missionId: s.missionId,
		startedAt: s.rows?.startedAt ?? null,
		ageS: s.lastFrameAt === null ? null : Math.max(0, (now - s.lastFrameAt) / 1000),
		msgsPerS: s.recent.filter((x) => x >= now - 1000).length,
		rttMs: s.rttMs,
		state: s.rows?.state ?? null,
		timeInStateS:
			s.rows?.stateSince != null && last ? Math.max(0, (last.t - s.rows.stateSince) / 1000) : null,
		rssiDbm: last?.rssi_dbm ?? null,
		noiseFloorDbm: st.noiseFloor(),
		snrDb: last?.snr_db ?? null,
		detected: last?.detected ?? false,
		batteryPct: st.lastFix?.battery_pct ?? null,
		position: st.trail.at(-1) ?? null,
		beacon: st.beacon(),
		gradient: st.gradient(),
		detections: [...st.detections],
		alerts: [...s.alerts.list],
		gaps: s.gaps.map((g) => ({ ...g })),
		frames: s.counters.frames,
		malformed: s.counters.malformed,
		duplicates: s.counters.duplicates,
		ignored: s.counters.ignored,
		backfilled: s.counters.backfilled,
		written: s.counters.written,
		persisted: s.counters.persisted,
		error: s.error
	};
}
