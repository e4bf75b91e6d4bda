import * as duckdb from '@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs';
import path from 'node:path';
const dist = path.resolve('node_modules/@duckdb/duckdb-wasm/dist');
const logger = new duckdb.VoidLogger();
const db = await duckdb.createDuckDB({mvp:{mainModule: dist+'/duckdb-mvp.wasm', mainWorker: dist+'/duckdb-node-mvp.worker.cjs'}, eh:{mainModule: dist+'/duckdb-eh.wasm', mainWorker: dist+'/duckdb-node-eh.worker.cjs'}}, logger, duckdb.NODE_RUNTIME);
await db.instantiate();
const c = db.connect();
console.log(c.query("select version() v, (select list(extension_name) from duckdb_extensions() where loaded) ext").toArray().map(r=>r.toJSON()));
c.query("copy (select range i, random() x from range(10)) to '/tmp/x.parquet' (format parquet)");
