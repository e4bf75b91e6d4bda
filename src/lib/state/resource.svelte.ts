/**
 * One small query resource: every panel gets loading / error / data states, and the last
 * request wins (an older, slower answer never overwrites a newer one).
 */
export class Resource<T> {
	data = $state.raw<T | null>(null);
	error = $state<string | null>(null);
	loading = $state(false);
	#ticket = 0;

	/**
	 * Run `fn`; only the latest call's result or error is kept. With a `label`, a performance mark
	 * `pisad:q:<label>` records when the data arrived (the bench reads them).
	 */
	async run(fn: () => Promise<T>, label?: string): Promise<void> {
		const ticket = ++this.#ticket;
		this.loading = true;
		this.error = null;
		try {
			const value = await fn();
			if (ticket !== this.#ticket) return;
			this.data = value;
			if (label) performance.mark(`pisad:q:${label}`);
		} catch (e) {
			if (ticket !== this.#ticket) return;
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			if (ticket === this.#ticket) this.loading = false;
		}
	}

	reset() {
		this.#ticket++;
		this.data = null;
		this.error = null;
		this.loading = false;
	}
}
