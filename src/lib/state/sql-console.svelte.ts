/**
 * The SQL console's state: the statement being edited, its parameter inputs, the last result
 * (rows, column names, time taken) or the engine's error, and the schema list. Results are
 * `$state.raw`: a million rows must not become a million proxies.
 */
import type { AppState } from './app.svelte';
import { Resource } from '$lib/coordinator';
import { runConsoleSql, schemaColumns, type SchemaColumnRow } from '$lib/queries/console-schema';
import { errorLine, paramCount, parseParam } from '$lib/transforms/sql-console';
import type { Row } from '$lib/db/types';

export interface ConsoleResult {
	rows: Row[];
	columns: string[];
	ms: number;
	sql: string;
}

export interface ConsoleError {
	message: string;
	hint: string;
	/** 1-based line of the statement the engine points at, if it says. */
	line: number | null;
}

export const START_SQL = `-- Ctrl+Enter runs. Contract tables: mission, rssi_sample, vehicle_telemetry, detection, ...
SELECT mission_id, count(*) AS samples, round(max(snr_db), 1) AS max_snr_db
FROM rssi_sample
GROUP BY mission_id
ORDER BY mission_id`;

export class SqlConsole {
	text = $state(START_SQL);
	params = $state<string[]>([]);
	result = $state.raw<ConsoleResult | null>(null);
	error = $state.raw<ConsoleError | null>(null);
	running = $state(false);
	schema = new Resource<SchemaColumnRow[]>();
	#app: AppState;
	#ticket = 0;

	constructor(app: AppState) {
		this.#app = app;
	}

	/** How many $n inputs the current statement needs. */
	slots = $derived(paramCount(this.text));

	loadSchema() {
		return this.schema.run(async () => schemaColumns(await this.#app.db()));
	}

	/** Replace the editor text (a template), keeping parameter values already typed. */
	use(text: string) {
		this.text = text.trim();
		this.error = null;
	}

	async run() {
		const ticket = ++this.#ticket;
		const sql = this.text.trim().replace(/;\s*$/, '');
		if (!sql) return;
		const values = Array.from({ length: this.slots }, (_, i) => parseParam(this.params[i] ?? ''));
		this.running = true;
		this.error = null;
		const t0 = performance.now();
		try {
			const rows = await runConsoleSql(await this.#app.db(), sql, values);
			if (ticket !== this.#ticket) return;
			const columns = rows[0] ? Object.keys(rows[0]) : [];
			this.result = { rows, columns, ms: performance.now() - t0, sql };
			// A CREATE/DROP may have changed what there is to query.
			if (!/^\s*(select|with|from|values|pragma|describe|show|summarize)\b/i.test(sql))
				void this.loadSchema();
		} catch (e) {
			if (ticket !== this.#ticket) return;
			const o = (e && typeof e === 'object' ? e : {}) as {
				message?: unknown;
				hint?: unknown;
				detail?: unknown;
				kind?: unknown;
			};
			const message = String(o.detail ?? o.message ?? e);
			this.error = {
				message,
				// The facade's hints speak about the app's own .sql files; for typed SQL only the memory
				// hint applies.
				hint: o.kind === 'out-of-memory' && typeof o.hint === 'string' ? o.hint : '',
				line: errorLine(message)
			};
		} finally {
			if (ticket === this.#ticket) this.running = false;
		}
	}
}
