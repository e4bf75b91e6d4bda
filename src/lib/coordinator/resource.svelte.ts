/**
 * One query resource: loading / error / data states as runes, and the last request wins (an
 * older, slower answer never overwrites a newer one). Every declared panel is one (the
 * coordinator runs it); a page's one-off question (the demo list) may use one directly.
 */
import { errorText } from '$lib/error-text';

export class Resource<T> {
	data = $state.raw<T | null>(null);
	error = $state<string | null>(null);
	loading = $state(false);
	#ticket = 0;

	/**
	 * Run `fn`; only the latest call's result or error is kept. With a `label`, a performance mark
	 * `pisad:q:<label>` records when the data arrived (the bench reads them). `quiet`: an error
	 * leaves the last answer and no message (a live view aid whose next refresh retries).
	 */
	async run(fn: () => Promise<T>, label?: string, quiet = false): Promise<void> {
		const ticket = ++this.#ticket;
		this.loading = true;
		if (!quiet) this.error = null;
		try {
			const value = await fn();
			if (ticket !== this.#ticket) return;
			this.data = value;
			if (label && typeof performance !== 'undefined') performance.mark(`pisad:q:${label}`);
		} catch (e) {
			if (ticket !== this.#ticket || quiet) return;
			this.error = errorText(e);
		} finally {
			if (ticket === this.#ticket) this.loading = false;
		}
	}

	/** Forget the answer; a request still running is ignored when it lands. */
	reset() {
		this.#ticket++;
		this.data = null;
		this.error = null;
		this.loading = false;
	}
}
