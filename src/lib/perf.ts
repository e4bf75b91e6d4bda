/**
 * Steps timed as performance measures (`pisad:<name>`), read by the bench to say where a user's
 * wait goes (a library import: reading, decoding, inserting, storing). Costs a few µs a step.
 */
export async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
	const t0 = performance.now();
	try {
		return await run();
	} finally {
		performance.measure(`pisad:${name}`, { start: t0, end: performance.now() });
	}
}

/**
 * Let the page handle input and paint between two pieces of main-thread work (a library import
 * plans folders one by one, each a footer parse and a decode post). `scheduler.yield` where the
 * browser has it; else a message-channel turn (timers are throttled in background tabs).
 */
export function yieldToPage(): Promise<void> {
	const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (s?.yield) return s.yield();
	if (typeof MessageChannel === 'undefined') return Promise.resolve();
	return new Promise((done) => {
		const ch = new MessageChannel();
		ch.port1.onmessage = () => {
			ch.port1.close();
			done();
		};
		ch.port2.postMessage(null);
	});
}

/**
 * For a long loop on the page's thread: the returned function gives the page a turn
 * (yieldToPage) once `ms` of work have passed since the last one, and returns at once otherwise.
 */
export function pageTurns(ms: number): () => Promise<void> {
	let slice = performance.now();
	return async () => {
		if (performance.now() - slice < ms) return;
		await yieldToPage();
		slice = performance.now();
	};
}
