/**
 * The coordinator's queue: jobs run one at a time (a DuckDB connection answers one statement at a
 * time, in the order asked), lowest priority number first, then in the order asked. Jobs above
 * the first tier can be held back until a gate opens (the page's first frame), so the queries the
 * first frame needs never wait behind the others. Pure: no Svelte, no DuckDB; unit-tested.
 */

/** One unit of work: `run` is awaited; its errors are the job's to handle. */
export interface Job {
	priority: number;
	/** The context generation it belongs to: jobs of an older generation are dropped. */
	generation: number;
	run: () => Promise<void>;
}

export class SerialQueue {
	#jobs: (Job & { seq: number })[] = [];
	#seq = 0;
	#running = false;
	#generation = 0;
	#gateOpen = true;
	#idle: (() => void)[] = [];

	/** The newest generation: jobs asked for an older one are dropped, queued or not. */
	get generation(): number {
		return this.#generation;
	}

	/** Jobs waiting (not the one running). */
	get size(): number {
		return this.#jobs.length;
	}

	/**
	 * Start a new generation: drop every queued job and close the gate for priorities above 0
	 * until `openGate` (a job running now finishes; its caller discards the stale answer).
	 */
	reset(gated: boolean): number {
		this.#jobs = [];
		this.#gateOpen = !gated;
		return ++this.#generation;
	}

	/** Let the held-back jobs (priority above 0) run. */
	openGate() {
		this.#gateOpen = true;
		this.#pump();
	}

	push(job: Job) {
		if (job.generation !== this.#generation) return;
		this.#jobs.push({ ...job, seq: this.#seq++ });
		this.#pump();
	}

	/** Resolves when nothing runs and nothing runnable waits (tests, benchmarks). */
	idle(): Promise<void> {
		if (!this.#running && !this.#next(false)) return Promise.resolve();
		return new Promise((r) => this.#idle.push(r));
	}

	/** The index of the job to run next, or -1; `take` removes it. */
	#next(take: boolean): (Job & { seq: number }) | null {
		let best = -1;
		for (let i = 0; i < this.#jobs.length; i++) {
			const j = this.#jobs[i]!;
			if (j.priority > 0 && !this.#gateOpen) continue;
			const b = this.#jobs[best];
			if (!b || j.priority < b.priority || (j.priority === b.priority && j.seq < b.seq)) best = i;
		}
		if (best < 0) return null;
		const job = this.#jobs[best]!;
		if (take) this.#jobs.splice(best, 1);
		return job;
	}

	#pump() {
		if (this.#running) return;
		const job = this.#next(true);
		if (!job) {
			for (const r of this.#idle.splice(0)) r();
			return;
		}
		this.#running = true;
		void job
			.run()
			.catch(() => {})
			.finally(() => {
				this.#running = false;
				this.#pump();
			});
	}
}
