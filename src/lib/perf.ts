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
