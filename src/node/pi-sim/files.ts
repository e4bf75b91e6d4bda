/**
 * Recorded missions offered by the Pi simulator: `GET /api/missions` lists them,
 * `GET /api/missions/<id>/<file>` downloads a file with HTTP Range support (so DuckDB-WASM can
 * read a large Parquet file by ranges instead of downloading it whole), paced by the simulated
 * radio link (link.ts) and logged.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Link } from './link';

export interface RecordedMission {
	id: string;
	url: string;
	files: { name: string; bytes: number; url: string }[];
}

/** Subfolders of `dir`, each a mission folder, with their files. */
export async function listMissions(
	dir: string | undefined
): Promise<{ missions: RecordedMission[] }> {
	if (!dir) return { missions: [] };
	const missions: RecordedMission[] = [];
	for (const id of (await readdir(dir)).sort()) {
		const folder = join(dir, id);
		if (!(await stat(folder)).isDirectory()) continue;
		const files = [];
		for (const name of (await readdir(folder)).sort()) {
			const s = await stat(join(folder, name));
			if (s.isFile()) files.push({ name, bytes: s.size, url: `/api/missions/${id}/${name}` });
		}
		missions.push({ id, url: `/api/missions/${id}/`, files });
	}
	return { missions };
}

/** One file of a recorded mission; `index.json` lists the folder's Parquet files. */
export async function serveMissionFile(
	req: IncomingMessage,
	res: ServerResponse,
	dir: string,
	id: string,
	name: string,
	link: Link = new Link()
) {
	await link.delay();
	const path0 = `/api/missions/${id}/${name}`;
	const log = (status: number, bytes: number) =>
		link.log.push({
			method: req.method ?? 'GET',
			path: path0,
			range: req.headers.range ?? null,
			status,
			bytes
		});
	const folder = join(dir, id);
	if (name === 'index.json') {
		const files = (await readdir(folder).catch(() => [] as string[])).filter((f) =>
			f.endsWith('.parquet')
		);
		if (!files.length) return notFound(res);
		const body = JSON.stringify({ files });
		log(200, body.length);
		res.writeHead(200, { 'Content-Type': 'application/json' });
		return void res.end(body);
	}
	const path = join(folder, name);
	const s = await stat(path).catch(() => null);
	if (!s?.isFile()) {
		log(404, 0);
		return notFound(res);
	}
	const size = s.size;
	const headers: Record<string, string | number> = {
		'Accept-Ranges': 'bytes',
		'Content-Type': 'application/octet-stream'
	};
	if (link.opts.noRanges) delete headers['Accept-Ranges'];
	const m = link.opts.noRanges ? null : req.headers.range?.match(/^bytes=(\d*)-(\d*)$/);
	if (m) {
		const start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
		const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
		if (start >= size || start > end) {
			log(416, 0);
			res.writeHead(416, { 'Content-Range': `bytes */${size}` });
			return void res.end();
		}
		res.writeHead(206, {
			...headers,
			'Content-Range': `bytes ${start}-${end}/${size}`,
			'Content-Length': end - start + 1
		});
		log(206, req.method === 'HEAD' ? 0 : end - start + 1);
		if (req.method === 'HEAD') return void res.end();
		return void createReadStream(path, { start, end }).pipe(link.pace()).pipe(res);
	}
	res.writeHead(200, { ...headers, 'Content-Length': size });
	log(200, req.method === 'HEAD' ? 0 : size);
	if (req.method === 'HEAD') return void res.end();
	createReadStream(path).pipe(link.pace()).pipe(res);
}

function notFound(res: ServerResponse) {
	res.writeHead(404, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify({ detail: 'Not Found' }));
}
