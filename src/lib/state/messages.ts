/** Errors and notes as the sentences the user reads (message, then what to do). */

/** An error as text: its message and, when it has one, its hint (IngestError, DbError). */
export function errorText(e: unknown): string {
	if (e && typeof e === 'object' && 'message' in e) {
		const m = e as { message: unknown; hint?: unknown };
		return typeof m.hint === 'string' && m.hint
			? `${String(m.message)} ${m.hint}`
			: String(m.message);
	}
	return String(e);
}

/** A load note as text: `file: message`. */
export function noteText(n: unknown): string {
	if (typeof n === 'string') return n;
	if (n && typeof n === 'object') {
		const o = n as { file?: unknown; message?: unknown };
		return o.file ? `${String(o.file)}: ${String(o.message)}` : String(o.message);
	}
	return String(n);
}
