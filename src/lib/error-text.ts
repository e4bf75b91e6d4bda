/** An error as the sentence a person reads: its message and, when it has one, its hint. */
export function errorText(e: unknown): string {
	if (e && typeof e === 'object' && 'message' in e) {
		const m = e as { message: unknown; hint?: unknown };
		return typeof m.hint === 'string' && m.hint
			? `${String(m.message)} ${m.hint}`
			: String(m.message);
	}
	return String(e);
}
