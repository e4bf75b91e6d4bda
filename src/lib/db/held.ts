/**
 * Statements held back to go to the engine with the next one (see Db.defer). In the browser each
 * statement is a round trip to the engine's worker, and a library import's writes began and
 * ended each chunk with four that answer nothing (the known-missions table, BEGIN, the missions
 * it added, its DROP): ~20–30 ms apiece while the page's thread and the engine's wait for the
 * two cores, ~1 s of a 100-hour import one after another.
 */
import { oneScript } from './schema';
import type { Db } from './types';

export class Held {
	#sql: string[] = [];

	add(sql: string): void {
		this.#sql.push(sql);
	}

	/**
	 * `sql` with the held statements before it, as one script: the engine runs them in order and
	 * stops at the first that fails (its error names it), and answers the last.
	 */
	before(sql: string): string {
		if (!this.#sql.length) return sql;
		const script = oneScript([...this.#sql, sql]);
		this.#sql = [];
		return script;
	}

	/** The held statements as one script (to run before a call that cannot carry them), or null. */
	take(): string | null {
		if (!this.#sql.length) return null;
		const script = oneScript(this.#sql);
		this.#sql = [];
		return script;
	}
}

/** Run `sql` with the next statement where the database can hold it back, else now. */
export function soon(db: Db, sql: string): Promise<void> {
	if (!db.defer) return db.exec(sql);
	db.defer(sql);
	return Promise.resolve();
}
