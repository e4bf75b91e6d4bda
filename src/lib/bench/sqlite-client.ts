/** The page side of the sql.js bench worker: typed request → promise of the reply. */
import SqliteWorker from './sqlite.worker?worker';
import type { LoadReply, MissionParquet, SimpleQuestionId, SqliteReply } from './sqlite-protocol';
import type { ResultRow } from './types';

type Pending = { ok(r: SqliteReply): void; fail(e: Error): void };

export class SqliteBench {
	#worker = new SqliteWorker();
	#next = 1;
	#pending = new Map<number, Pending>();

	constructor() {
		this.#worker.addEventListener('message', (e: MessageEvent<SqliteReply>) => {
			const p = this.#pending.get(e.data.id);
			this.#pending.delete(e.data.id);
			if (!p) return;
			if (e.data.ok) p.ok(e.data);
			else p.fail(new Error(`SQLite worker: ${e.data.error}`));
		});
		this.#worker.addEventListener('error', (e: ErrorEvent) => {
			for (const p of this.#pending.values()) p.fail(new Error(`SQLite worker: ${e.message}`));
			this.#pending.clear();
		});
	}

	#send(
		msg:
			| { kind: 'load'; missions: MissionParquet[] }
			| { kind: 'ask'; question: SimpleQuestionId; missionId: string },
		transfer: Transferable[] = []
	): Promise<SqliteReply> {
		const id = this.#next++;
		return new Promise((ok, fail) => {
			this.#pending.set(id, { ok, fail });
			this.#worker.postMessage({ id, ...msg }, transfer);
		});
	}

	/** Decode and insert the missions (the buffers are transferred, not copied). */
	async load(missions: MissionParquet[]): Promise<LoadReply> {
		const transfer = missions.flatMap((m) => [m.rssi_sample, m.vehicle_telemetry]);
		const reply = await this.#send({ kind: 'load', missions }, transfer);
		if (!('load' in reply)) throw new Error('SQLite worker: unexpected reply to load');
		return reply.load;
	}

	async ask(question: SimpleQuestionId, missionId: string): Promise<ResultRow[]> {
		const reply = await this.#send({ kind: 'ask', question, missionId });
		if (!('rows' in reply)) throw new Error('SQLite worker: unexpected reply to ask');
		return reply.rows;
	}

	close(): void {
		this.#worker.terminate();
	}
}
