/**
 * A flag that turns true once the page has painted after a condition first held, and stays true:
 * for work that would hold the page's thread (the map's start-up) but must not delay what the
 * condition brought to the screen (the review's headline numbers).
 */
export class AfterPaint {
	done = $state(false);

	/** Call during a component's initialisation (it owns an effect). */
	constructor(when: () => boolean) {
		$effect(() => {
			if (this.done || !when()) return;
			let timer: ReturnType<typeof setTimeout> | undefined;
			// The frame's callbacks run before its paint; a task queued from one runs after it.
			const frame = requestAnimationFrame(() => (timer = setTimeout(() => (this.done = true))));
			return () => {
				cancelAnimationFrame(frame);
				clearTimeout(timer);
			};
		});
	}
}
