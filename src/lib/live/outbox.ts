/**
 * Rows on their way out of a live session: appended to DuckDB as Arrow batches (`flush`) and
 * written to the crash-safe recording store as chunks (`persist`). Each side keeps its own queue,
 * so a slow or failing store never holds back the map and the charts.
 */
import type { Db } from '$lib/db/types';
import { ArrowAppender, countRows, mergeRows } from './append';
import type { LiveRows } from './tables';
import type { RecordingMeta, RecordingStore } from './store';

/** The counters an outbox advances, shared with the session's other counters. */
export interface OutboxCounters {
	written: number;
	persisted: number;
}

export class LiveOutbox {
	/** The last write that failed, in words a person can act on. */
	error: string | null = null;
	#toDb: LiveRows = {};
	#toStore: LiveRows = {};
	#chunk = 0;
	#meta: RecordingMeta | null = null;
	#appender: ArrowAppender;
	#flushing: Promise<void> | null = null;

	constructor(
		db: Db,
		readonly store: RecordingStore | null,
		readonly counters: OutboxCounters,
		readonly onFlushed?: (rows: number) => void
	) {
		this.#appender = new ArrowAppender(db);
	}

	/** Start the recording of mission `id` (nothing is persisted before). */
	begin(id: string, pi: string, startedAt: number) {
		this.#meta = {
			id,
			mission_id: id,
			pi,
			started_at: startedAt,
			updated_at: Date.now(),
			rows: 0,
			chunks: 0
		};
	}

	add(rows: LiveRows) {
		mergeRows(this.#toDb, rows);
		mergeRows(this.#toStore, rows);
	}

	/** Append pending rows to DuckDB (one Arrow batch per table, one transaction). */
	async flush(): Promise<void> {
		if (this.#flushing) return this.#flushing;
		const batch = this.#toDb;
		if (countRows(batch) === 0) return;
		this.#toDb = {};
		this.#flushing = (async () => {
			try {
				const n = await this.#appender.append(batch);
				this.counters.written += n;
				this.onFlushed?.(n);
			} catch (e) {
				this.error = `Could not write live data to DuckDB: ${e instanceof Error ? e.message : String(e)}`;
			} finally {
				this.#flushing = null;
			}
		})();
		return this.#flushing;
	}

	/** Write pending rows to the recording store as one chunk. */
	async persist(): Promise<void> {
		const store = this.store;
		const meta = this.#meta;
		const chunk = this.#toStore;
		const n = countRows(chunk);
		if (!store || !meta || n === 0) return;
		this.#toStore = {};
		meta.rows += n;
		meta.chunks = ++this.#chunk;
		meta.updated_at = Date.now();
		try {
			await store.write({ ...meta }, this.#chunk, chunk);
			this.counters.persisted = meta.rows;
		} catch (e) {
			mergeRows(chunk, this.#toStore); // keep it for the next try
			this.#toStore = chunk;
			this.error = `Could not save the recording in this browser: ${e instanceof Error ? e.message : String(e)}`;
		}
	}
}
