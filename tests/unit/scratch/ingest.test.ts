import { it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openNodeDb } from '$lib/db/node';
import { loadMissionFiles } from '$lib/ingest';
import { parquetToIpc } from '$lib/ingest/parquet';
import { contractColumns } from '$lib/ingest/columns';
it('ingest timing', async () => {
	const dir = '.bench/sortie-1h';
	const files = await Promise.all((await readdir(dir)).filter((f) => f.endsWith('.parquet')).map(async (n) => ({ name: n, bytes: new Uint8Array(await readFile(join(dir, n))) })));
	for (let k = 0; k < 3; k++) {
		const db = await openNodeDb();
		const cols = await contractColumns(db);
		let t = performance.now();
		for (const f of files) {
			const name = f.name.replace('.parquet', '') as never;
			const c = cols.get(name);
			if (c) await parquetToIpc(f.bytes, c);
		}
		const dec = performance.now() - t;
		t = performance.now();
		await loadMissionFiles(db, files);
		console.log('decode only', dec.toFixed(0), 'load total', (performance.now() - t).toFixed(0));
		await db.close();
	}
}, 300000);
