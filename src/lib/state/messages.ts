/** Errors and notes as the sentences the user reads (message, then what to do). */

export { errorText } from '$lib/error-text';

/** A load note as text: `file: message`. */
export function noteText(n: unknown): string {
	if (typeof n === 'string') return n;
	if (n && typeof n === 'object') {
		const o = n as { file?: unknown; message?: unknown };
		return o.file ? `${String(o.file)}: ${String(o.message)}` : String(o.message);
	}
	return String(n);
}
