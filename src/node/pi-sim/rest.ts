/**
 * The Pi's REST endpoints a ground station uses, answered from the replay's "now":
 * /api/state/current, /api/system/state-history, /api/search/pattern/preview and /status,
 * /api/safety/events. Shapes follow the Pi's FastAPI routes (pisad-domain.md §2).
 */
import type { MissionTables } from '../../lib/contract';
import { pyIsoUtc } from '../../lib/sim';

function utcSql(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** SQLite `state_history` rows up to mission time `nowMs` (epoch), newest first. */
export function stateHistory(
	tables: MissionTables,
	nowMs: number,
	shiftMs: number,
	limit: number,
	from?: string | null,
	to?: string | null
) {
	const rows = tables.state_transition
		.map((s, i) => ({ s, id: i + 1 }))
		.filter(({ s }) => s.t <= nowMs)
		.filter(({ s }) => (!from || s.from_state === from) && (!to || s.to_state === to))
		.map(({ s, id }) => ({
			id,
			from_state: s.from_state ?? 'IDLE',
			to_state: s.to_state,
			timestamp: pyIsoUtc(s.t + shiftMs),
			reason: s.reason,
			operator_id: s.operator_id,
			action_duration_ms: s.action_duration_ms,
			created_at: utcSql(s.t + shiftMs)
		}))
		.reverse()
		.slice(0, Math.min(1000, Math.max(1, limit)));
	return {
		history: rows,
		count: rows.length,
		filters: { limit, from_state: from ?? null, to_state: to ?? null },
		timestamp: pyIsoUtc(Date.now())
	};
}

/** `/api/state/current`: the latest state message's data, or IDLE before the first. */
export function currentState(latest: Record<string, unknown> | undefined) {
	return (
		latest ?? {
			current_state: 'IDLE',
			previous_state: 'IDLE',
			allowed_transitions: ['SEARCHING', 'EMERGENCY'],
			timestamp: pyIsoUtc(Date.now())
		}
	);
}

/** `/api/search/pattern/preview`: waypoints and boundary of the mission's pattern. */
export function patternPreview(tables: MissionTables) {
	const p = tables.search_pattern[0];
	return {
		pattern_id: p?.pattern_id ?? null,
		pattern_type: p?.pattern_type ?? null,
		waypoints: tables.waypoint.map((w) => ({
			index: w.idx,
			lat: w.lat_deg,
			lon: w.lon_deg,
			alt: w.alt_m
		})),
		boundary: p?.boundary_geojson ? (JSON.parse(p.boundary_geojson) as unknown) : null,
		total_waypoints: tables.waypoint.length
	};
}

/** `/api/search/pattern/status` at mission time `nowMs`. */
export function patternStatus(tables: MissionTables, nowMs: number) {
	const reached = tables.waypoint.filter(
		(w) => w.reached_at !== null && w.reached_at <= nowMs
	).length;
	const total = tables.waypoint.length;
	return {
		pattern_id: tables.search_pattern[0]?.pattern_id ?? null,
		completed_waypoints: reached,
		total_waypoints: total,
		progress_percent: total ? (100 * reached) / total : 0
	};
}

/** `/api/safety/events` up to `nowMs`. */
export function safetyEvents(tables: MissionTables, nowMs: number, shiftMs: number) {
	const events = tables.safety_event
		.filter((e) => e.t <= nowMs)
		.map((e) => ({
			id: e.event_id,
			timestamp: pyIsoUtc(e.t + shiftMs),
			event_type: e.event_type,
			trigger: e.trigger,
			details: e.details ? (JSON.parse(e.details) as unknown) : {},
			resolved: e.resolved
		}));
	return { events, count: events.length };
}
