import { describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import { Coordinator } from './coordinator.svelte';
import { FIRST, LAST, THEN, panel } from './panel';
import { SerialQueue } from './queue';

const tick = () => new Promise((r) => setTimeout(r, 0));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SerialQueue', () => {
	it('runs one job at a time, lowest priority first, then in the order asked', async () => {
		const q = new SerialQueue();
		const g = q.reset(false);
		const order: string[] = [];
		let running = 0;
		let most = 0;
		const job = (name: string, priority: number) => ({
			priority,
			generation: g,
			run: async () => {
				most = Math.max(most, ++running);
				await sleep(2);
				order.push(name);
				running--;
			}
		});
		q.push(job('a1', 1));
		q.push(job('b2', 2));
		q.push(job('c0', 0));
		q.push(job('d1', 1));
		await q.idle();
		// a1 started before the others were asked; then by priority, ties in the order asked.
		expect(order).toEqual(['a1', 'c0', 'd1', 'b2']);
		expect(most).toBe(1);
	});

	it('holds priorities above 0 behind a closed gate and drops a stale generation', async () => {
		const q = new SerialQueue();
		const g = q.reset(true);
		const order: string[] = [];
		const job = (name: string, priority: number, generation = g) => ({
			priority,
			generation,
			run: async () => void order.push(name)
		});
		q.push(job('later', 1));
		q.push(job('first', 0));
		await tick();
		expect(order).toEqual(['first']);
		q.openGate();
		await q.idle();
		expect(order).toEqual(['first', 'later']);
		q.push(job('stale', 0, g - 1));
		await q.idle();
		expect(order).toEqual(['first', 'later']);
	});
});

describe('Coordinator', () => {
	const db = async () => ({}) as Db; // the scheduling tests never touch the engine

	it('asks FIRST panels before the gate opens and the rest after it', async () => {
		const asked: string[] = [];
		const ask = (name: string) => async (_db: Db, ctx: { id: string }) => {
			asked.push(name);
			return `${name}:${ctx.id}`;
		};
		let drawn!: () => void;
		const c = new Coordinator(db, {
			kpis: panel({ query: ask('kpis'), priority: LAST }),
			track: panel({ query: ask('track'), priority: FIRST }),
			heat: panel({ query: ask('heat'), priority: THEN })
		});
		c.open({ id: 'm1' }, { until: new Promise<void>((r) => (drawn = r)), atMost: 10_000 });
		await sleep(20);
		expect(asked).toEqual(['track']);
		expect(c.panels.track.data).toBe('track:m1');
		expect(c.panels.heat.data).toBeNull();
		drawn();
		await sleep(5);
		await c.idle();
		expect(asked).toEqual(['track', 'heat', 'kpis']);
		expect(c.panels.kpis.data).toBe('kpis:m1');
		c.dispose();
	});

	it('keeps the last context: a slow answer for the previous mission never lands', async () => {
		const c = new Coordinator(db, {
			slow: panel({
				query: async (_db: Db, ctx: { id: string; ms: number }) => {
					await sleep(ctx.ms);
					return ctx.id;
				},
				priority: FIRST
			})
		});
		c.open({ id: 'old', ms: 40 });
		await sleep(5);
		c.open({ id: 'new', ms: 1 });
		expect(c.panels.slow.data).toBeNull();
		await sleep(80);
		await c.idle();
		expect(c.panels.slow.data).toBe('new');
		c.dispose();
	});

	it('shows errors per panel and re-asks a periodic panel only when its key changed', async () => {
		let runs = 0;
		const ctx = { id: 'live', written: 0 };
		const c = new Coordinator(db, {
			counts: panel({
				query: async (_db: Db, x: typeof ctx) => (runs++, x.written),
				priority: FIRST,
				every: 10,
				key: (x: typeof ctx) => x.written
			}),
			broken: panel({
				query: async () => {
					throw Object.assign(new Error('Bad query.'), { hint: 'Fix it.' });
				}
			})
		});
		c.open(ctx);
		await sleep(60);
		expect(runs).toBe(1);
		expect(c.panels.broken.error).toBe('Bad query. Fix it.');
		c.update({ ...ctx, written: 5 });
		await sleep(40);
		expect(c.panels.counts.data).toBe(5);
		expect(runs).toBe(2);
		c.dispose();
	});

	it('asks a question two panels share once per opened context', async () => {
		const asked: string[] = [];
		const pattern = async (ctx: { id: string }) => (asked.push(ctx.id), `plan:${ctx.id}`);
		const c = new Coordinator(db, {
			drawn: panel({
				query: (_db: Db, x: { id: string }, s) => s.once('pattern', () => pattern(x)),
				priority: THEN
			}),
			boundary: panel({
				query: async (_db: Db, x: { id: string }, s) =>
					`from ${await s.once('pattern', () => pattern(x))}`,
				priority: LAST
			})
		});
		c.open({ id: 'm1' });
		await sleep(1);
		await c.idle();
		expect(c.panels.drawn.data).toBe('plan:m1');
		expect(c.panels.boundary.data).toBe('from plan:m1');
		expect(asked).toEqual(['m1']);
		// Another mission asks again; the previous one's answer is not reused.
		c.open({ id: 'm2' });
		await sleep(1);
		await c.idle();
		expect(c.panels.boundary.data).toBe('from plan:m2');
		expect(asked).toEqual(['m1', 'm2']);
		c.dispose();
	});

	it('runs declared panels on the real engine', async () => {
		const real = await openNodeDb();
		try {
			const c = new Coordinator(async () => real, {
				answer: panel({
					query: async (d: Db, x: { n: number }) =>
						(await d.query<{ v: number }>('SELECT $1::INTEGER * 2 AS v', [x.n]))[0]?.v ?? null,
					priority: FIRST
				})
			});
			c.open({ n: 21 });
			await sleep(1);
			await c.idle();
			expect(c.panels.answer.data).toBe(42);
		} finally {
			await real.close();
		}
	});
});
