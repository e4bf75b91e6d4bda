import { toDbError, type DbError } from '$lib/db/errors';

/** Something a person should know about a load that still succeeded (or skipped a file). */
export interface IngestNote {
	file: string;
	message: string;
}

/**
 * A file that could not be loaded: `message` says which file and what is wrong, `hint` what to
 * do. `cause` keeps the engine's error (with its raw `detail`). Serialises to plain data.
 */
export class IngestError extends Error {
	override readonly name = 'IngestError';
	readonly file: string;
	readonly hint: string;
	readonly detail: string;

	constructor(file: string, message: string, hint: string, detail = '') {
		super(message);
		this.file = file;
		this.hint = hint;
		this.detail = detail;
	}

	/** Wrap anything thrown while reading `file` (uses the DB error mapping for the wording). */
	static from(e: unknown, file: string): IngestError {
		if (e instanceof IngestError) return e;
		const db: DbError = toDbError(e, { file });
		const message = db.message.includes(file) ? db.message : `${file}: ${db.message}`;
		return new IngestError(file, message, db.hint, db.detail);
	}

	toJSON(): { file: string; message: string; hint: string; detail: string } {
		return { file: this.file, message: this.message, hint: this.hint, detail: this.detail };
	}
}
