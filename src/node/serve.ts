/**
 * Serves the static build on localhost: correct MIME types (application/wasm lets the browser
 * compile DuckDB while it downloads), gzip for big assets (the DuckDB wasm is ~34 MB raw,
 * ~8 MB compressed; compressed once and kept in memory), HTTP Range for data files, and no
 * caching of the HTML shell so a new build shows up on reload.
 *
 * Usage: tsx src/node/serve.ts [--dir build] [--port 4173] [--host 127.0.0.1] [--base /sub/path/]
 *        [--isolated]
 * `--base` serves the folder under a sub-path (as a shared static host would), `--isolated` sends
 * the COOP/COEP headers that make the page cross-origin isolated, so DuckDB can use its threaded
 * build. This file imports only Node built-ins: `npm run bundle` ships it (compiled) as the field
 * build's `serve.mjs`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { open, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.parquet': 'application/vnd.apache.parquet',
	'.duckdb': 'application/octet-stream',
	'.jsonl': 'application/x-ndjson',
	'.pbf': 'application/x-protobuf',
	'.pmtiles': 'application/octet-stream',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.jsonl']);

export interface ServeOptions {
	/** URL prefix the folder is served under, e.g. '/sub/pisad/' (default '/'). */
	base?: string;
	/** Send Cross-Origin-Opener/Embedder-Policy so the page is cross-origin isolated. */
	isolated?: boolean;
}

/** Start a static server on `dir`; resolves once listening. */
export async function serveStatic(
	dir: string,
	port: number,
	host = '127.0.0.1',
	opts: ServeOptions = {}
) {
	const root = resolve(dir);
	const gzCache = new Map<string, Buffer>();
	const base = `/${(opts.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
	const isolation: Record<string, string> = opts.isolated
		? {
				'Cross-Origin-Opener-Policy': 'same-origin',
				'Cross-Origin-Embedder-Policy': 'require-corp',
				'Cross-Origin-Resource-Policy': 'same-origin'
			}
		: {};

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (url.pathname === base.slice(0, -1)) {
			res.writeHead(301, { Location: base });
			return res.end();
		}
		if (!url.pathname.startsWith(base)) return send(res, 404, `Not found: ${url.pathname}`);
		const rel = url.pathname.slice(base.length - 1);
		let path = normalize(join(root, decodeURIComponent(rel)));
		if (path !== root && !path.startsWith(root + sep)) return send(res, 403, 'Forbidden');
		let info = await stat(path).catch(() => null);
		if (info?.isDirectory()) {
			path = join(path, 'index.html');
			info = await stat(path).catch(() => null);
		}
		if (!info && !extname(path)) {
			path = `${path}.html`;
			info = await stat(path).catch(() => null);
		}
		if (!info?.isFile()) return send(res, 404, `Not found: ${url.pathname}`);
		const ext = extname(path);
		const headers: Record<string, string> = {
			'Content-Type': MIME[ext] ?? 'application/octet-stream',
			'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
			'Access-Control-Allow-Origin': '*',
			// A page on another origin reading by ranges needs the file's total size.
			'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges',
			'Accept-Ranges': 'bytes',
			...isolation
		};
		const range = req.headers.range?.match(/^bytes=(\d*)-(\d*)$/);
		if (range) {
			// Only the range is read: a fleet archive's mission is a few ranges of files of many MB.
			const size = info.size;
			const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
			const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
			if (start >= size || start > end) {
				res.writeHead(416, { 'Content-Range': `bytes */${size}` });
				return res.end();
			}
			headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
			res.writeHead(206, headers);
			return res.end(req.method === 'HEAD' ? undefined : await readRange(path, start, end));
		}
		if (req.method === 'HEAD' && !COMPRESSIBLE.has(ext)) {
			headers['Content-Length'] = String(info.size);
			res.writeHead(200, headers);
			return res.end();
		}
		const body = await readFile(path);
		const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		if (acceptsGzip && COMPRESSIBLE.has(ext) && body.length > 1024) {
			const key = `${path}:${info.mtimeMs}`;
			let gz = gzCache.get(key);
			if (!gz) gzCache.set(key, (gz = gzipSync(body, { level: 6 })));
			headers['Content-Encoding'] = 'gzip';
			headers['Vary'] = 'Accept-Encoding';
			res.writeHead(200, headers);
			return res.end(req.method === 'HEAD' ? undefined : gz);
		}
		headers['Content-Length'] = String(body.length);
		res.writeHead(200, headers);
		res.end(req.method === 'HEAD' ? undefined : body);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((e: unknown) => send(res, 500, String(e)));
	});
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, ok);
	});
	return server;
}

/** Bytes `start`..`end` (inclusive) of a file. */
async function readRange(path: string, start: number, end: number): Promise<Buffer> {
	const f = await open(path, 'r');
	try {
		const buf = Buffer.alloc(end - start + 1);
		let n = 0;
		while (n < buf.length) {
			const { bytesRead } = await f.read(buf, n, buf.length - n, start + n);
			if (!bytesRead) break;
			n += bytesRead;
		}
		return buf.subarray(0, n);
	} finally {
		await f.close();
	}
}

function send(res: ServerResponse, code: number, text: string) {
	// CORS on errors too: a page reading a file from here then sees "404", not a CORS failure.
	res.writeHead(code, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Access-Control-Allow-Origin': '*'
	});
	res.end(text);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
	const { values } = parseArgs({
		options: {
			dir: { type: 'string', default: 'build' },
			port: { type: 'string', default: process.env.PORT ?? '4173' },
			host: { type: 'string', default: '127.0.0.1' },
			base: { type: 'string', default: '/' },
			isolated: { type: 'boolean', default: false }
		}
	});
	const port = Number(values.port);
	const server = await serveStatic(values.dir, port, values.host, {
		base: values.base,
		isolated: values.isolated
	}).catch((e: unknown) => {
		if ((e as { code?: string }).code !== 'EADDRINUSE') throw e;
		console.error(
			`Port ${port} is already in use (is another server running?). Stop it, or choose a port: PORT=4180 npm start`
		);
		process.exit(1);
	});
	const addr = server.address();
	const shown = typeof addr === 'object' && addr ? addr.port : port;
	const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
	console.log(
		`PISAD Flight Analytics: http://${values.host}:${shown}${base}  (serving ${values.dir}/${values.isolated ? ', cross-origin isolated' : ''}, Ctrl+C to stop)`
	);
}
