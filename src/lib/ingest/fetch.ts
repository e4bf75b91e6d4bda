import { CONTRACT_TABLES } from '$lib/contract';
import { checkSize } from './limits';
import { IngestError } from './notes';
import type { NamedBytes } from './files';
import type { IngestProgress } from './ingest';

/**
 * Fetch mission files by URL (`?src=`, demo links). A URL ending in '/' is a mission folder:
 * `<url>index.json` (a JSON list of file names) when present, else every contract table as
 * `<url><table>.parquet` (404 is fine for optional tables; mission or rssi_sample must exist).
 * Other URLs (.parquet, .duckdb) are fetched as they are. Names keep the folder
 * (`<folder>/<file>`) so ingest groups each folder as one mission.
 * Progress counts files done out of files to fetch. A response whose Content-Length exceeds
 * `maxBytes` (default DEFAULT_MAX_BYTES) is refused before its body is read.
 */
export async function fetchMissionFiles(
	urls: string[],
	onProgress?: (p: IngestProgress) => void,
	maxBytes?: number
): Promise<NamedBytes[]> {
	const out: NamedBytes[] = [];
	for (const url of urls) {
		if (!url.endsWith('/')) {
			const bytes = await get(url, true, maxBytes);
			out.push({ name: lastSegment(url), bytes: bytes as Uint8Array });
			onProgress?.({ file: lastSegment(url), done: out.length, total: urls.length });
			continue;
		}
		const folder = lastSegment(url.slice(0, -1)) || 'mission';
		const index = await get(`${url}index.json`, false);
		const names = index
			? indexNames(index, `${url}index.json`)
			: CONTRACT_TABLES.map((t) => `${t}.parquet`);
		let done = 0;
		// Fetch the folder's files in parallel: on a radio link or a slow host latency dominates.
		const fetched = await Promise.all(
			names.map(async (name) => {
				const bytes = await get(`${url}${name}`, index !== null, maxBytes);
				onProgress?.({ file: name, done: ++done, total: names.length });
				return bytes ? { name: `${folder}/${name}`, bytes } : null;
			})
		);
		for (const f of fetched) if (f) out.push(f);
		const got = new Set(out.map((f) => f.name));
		if (
			!got.has(`${folder}/mission.parquet`) &&
			!got.has(`${folder}/rssi_sample.parquet`) &&
			!index
		) {
			throw new IngestError(
				url,
				`${url} has neither mission.parquet nor rssi_sample.parquet`,
				'Check the URL: it should be a folder of contract Parquet files, ending in /.'
			);
		}
	}
	return out;
}

/** File names from a folder's index.json: a JSON list of names, or `{ "files": [...] }`. */
function indexNames(bytes: Uint8Array, url: string): string[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(new TextDecoder().decode(bytes));
	} catch {
		throw new IngestError(
			url,
			`${url} is not valid JSON`,
			'A mission folder index lists its files: ["mission.parquet", ...].'
		);
	}
	const list = Array.isArray(parsed) ? parsed : (parsed as { files?: unknown } | null)?.files;
	if (!Array.isArray(list)) {
		throw new IngestError(
			url,
			`${url} does not list any files`,
			'A mission folder index lists its files: ["mission.parquet", ...].'
		);
	}
	// Names only, never paths: an index must not make us fetch outside its folder.
	return list.map(String).filter((n) => /^[\w.-]+$/.test(n) && !n.startsWith('..'));
}

/** Bytes of `url`; null on 404 unless `required`. */
async function get(url: string, required: boolean, maxBytes?: number): Promise<Uint8Array | null> {
	let res: Response;
	try {
		res = await fetch(url);
	} catch (e) {
		throw new IngestError(
			url,
			`${url} could not be fetched`,
			'Check the address and that the server is running.',
			String(e)
		);
	}
	if (res.status === 404 && !required) return null;
	const length = Number(res.headers.get('content-length'));
	if (Number.isFinite(length) && length > 0) checkSize(url, length, maxBytes);
	if (!res.ok) {
		throw new IngestError(
			url,
			`${url} answered HTTP ${res.status}`,
			'Check the address, or download the files and drop them here.'
		);
	}
	return new Uint8Array(await res.arrayBuffer());
}

function lastSegment(url: string): string {
	const path = url.split(/[?#]/)[0] ?? url;
	return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
