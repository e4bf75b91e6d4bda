/**
 * The simulated Pi's HTTP side: its REST API (state, history, pattern, safety events), the
 * recorded missions served by range over the simulated radio link, and the test endpoints.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MissionTables } from '../../lib/contract';
import { listMissions, serveMissionFile } from './files';
import type { Link } from './link';
import { currentState, patternPreview, patternStatus, safetyEvents, stateHistory } from './rest';
import type { PiSimStats } from './server';

/** What the HTTP side reads from the running replay. */
export interface HttpContext {
	tables: MissionTables;
	stats: PiSimStats;
	link: Link;
	missionsDir?: string;
	/** Shown at GET / beside the simulator's name. */
	about: Record<string, unknown>;
	/** Replay time shift (mission → wall clock), ms. */
	shiftMs: number;
	linkUp(): boolean;
	latestState(): Record<string, unknown> | undefined;
	/** Epoch ms the replay has reached (the Pi's "now"). */
	nowEpoch(): number;
}

/** A node:http request listener for the simulated Pi. */
export function httpHandler(ctx: HttpContext) {
	return (req: IncomingMessage, res: ServerResponse) => {
		route(ctx, req, res).catch((e: unknown) => json(res, 500, { detail: String(e) }));
	};
}

async function route(ctx: HttpContext, req: IncomingMessage, res: ServerResponse) {
	const { tables, stats, link, shiftMs } = ctx;
	const url = new URL(req.url ?? '/', 'http://localhost');
	res.setHeader('Access-Control-Allow-Origin', '*');
	res.setHeader('Access-Control-Allow-Headers', '*');
	res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges');
	if (req.method === 'OPTIONS') return void res.writeHead(204).end();
	// Test control endpoint: answers even while the simulated radio link is down.
	if (url.pathname === '/api/sim/stats') return json(res, 200, stats);
	if (url.pathname === '/api/sim/requests') return json(res, 200, { requests: link.log });
	if (!ctx.linkUp()) return json(res, 503, { detail: 'link down (simulated)' });
	const nowEpoch = ctx.nowEpoch();
	const p = url.pathname.replace(/\/+$/, '') || '/';
	if (p === '/api/state/current' || p === '/api/system/state')
		return json(res, 200, currentState(ctx.latestState()));
	if (p === '/api/system/state-history') {
		const limit = Number(url.searchParams.get('limit') ?? 100);
		return json(
			res,
			200,
			stateHistory(
				tables,
				nowEpoch,
				shiftMs,
				limit,
				url.searchParams.get('from_state'),
				url.searchParams.get('to_state')
			)
		);
	}
	if (p === '/api/search/pattern/preview') return json(res, 200, patternPreview(tables));
	if (p === '/api/search/pattern/status') return json(res, 200, patternStatus(tables, nowEpoch));
	if (p === '/api/safety/events') return json(res, 200, safetyEvents(tables, nowEpoch, shiftMs));
	if (p === '/api/missions') {
		await link.delay();
		return json(res, 200, await listMissions(ctx.missionsDir));
	}
	const m = p.match(/^\/api\/missions\/([\w.-]+)\/([\w.-]+)$/);
	if (m && ctx.missionsDir)
		return serveMissionFile(req, res, ctx.missionsDir, m[1] as string, m[2] as string, link);
	if (p === '/')
		return json(res, 200, {
			name: 'PISAD Pi simulator',
			...ctx.about,
			ws: '/ws'
		});
	return json(res, 404, { detail: 'Not Found' });
}

function json(res: ServerResponse, code: number, body: unknown) {
	res.writeHead(code, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}
