/** The simulated radio link paces bytes to its bandwidth, shared by parallel responses. */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, test } from 'vitest';
import { Link } from './link';

async function send(link: Link, bytes: number): Promise<number> {
	let got = 0;
	await pipeline(
		Readable.from([Buffer.alloc(bytes)]),
		link.pace(),
		new Writable({
			write(chunk: Buffer, _enc, done) {
				got += chunk.length;
				done();
			}
		})
	);
	return got;
}

describe('Link', () => {
	test('8000 kbit/s carries 200 kB in about 200 ms', async () => {
		const t0 = Date.now();
		expect(await send(new Link({ bandwidthKbps: 8000 }), 200_000)).toBe(200_000);
		const ms = Date.now() - t0;
		expect(ms).toBeGreaterThanOrEqual(140);
		expect(ms).toBeLessThan(1000);
	});

	test('two responses share one budget', async () => {
		const link = new Link({ bandwidthKbps: 8000 });
		const t0 = Date.now();
		await Promise.all([send(link, 100_000), send(link, 100_000)]);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
	});

	test('no bandwidth set: no pacing', async () => {
		const t0 = Date.now();
		await send(new Link(), 1_000_000);
		expect(Date.now() - t0).toBeLessThan(500);
	});
});
