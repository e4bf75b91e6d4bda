/**
 * Recorded missions on the Pi (`GET /api/missions`): the list, a summary of each from its Parquet
 * footers (a few KiB read by HTTP range), and the mission's files, either downloaded whole (with
 * byte progress; they then load like dropped files) or read by ranges (see `range.ts`).
 */
import type { NamedBytes, RangedFile } from '$lib/ingest';
import { concat, httpRangeFile, type RangeFile } from './range';

// The list's summaries read the footers; they live beside this module, reached through it.
export { readPiMissionSummary, type PiMissionSummary } from './pi-mission-summary';

export interface PiMissionFile {
	name: string;
	bytes: number;
	url: string;
}
export interface PiMission {
	id: string;
	url: string;
	files: PiMissionFile[];
}

/** The Pi's mission list; throws an Error a person can act on. */
export async function listPiMissions(http: string, f: typeof fetch = fetch): Promise<PiMission[]> {
	const res = await f(`${http}/api/missions`);
	if (!res.ok) throw new Error(`The Pi answered ${res.status} for its mission list.`);
	const body = (await res.json()) as { missions?: PiMission[] };
	return Array.isArray(body.missions) ? body.missions : [];
}

/** Absolute URL of a file the Pi lists (its `url` is relative to the Pi). */
export function fileUrl(http: string, file: PiMissionFile): string {
	return new URL(file.url, http).href;
}

/** The mission's contract Parquet files (one per table). */
export function parquetFiles(m: PiMission): PiMissionFile[] {
	return m.files.filter((x) => x.name.endsWith('.parquet'));
}

/** The mission's .duckdb, when the Pi offers one. */
export function duckdbFile(m: PiMission): PiMissionFile | undefined {
	return m.files.find((x) => x.name.endsWith('.duckdb'));
}

/** Which files to download whole when nothing is known of the link (see planPiFetch). */
export function filesToFetch(m: PiMission): PiMissionFile[] {
	return planPiFetch(m, { ranges: false, kbps: null }).files;
}

const sum = (files: { bytes: number }[]): number => files.reduce((s, x) => s + x.bytes, 0);

/** How a mission comes from the Pi into the tab. */
export interface PiFetchPlan {
	way: 'range-parquet' | 'whole';
	files: PiMissionFile[];
	/** One line for the progress label and the tests. */
	why: string;
}

/** What is known about the link when a download starts (from the reads made for the list). */
export interface PiLink {
	/** The Pi answered range requests with 206; false: it sends whole files; null: not tried. */
	ranges: boolean | null;
	/** Link throughput measured by one 256 KiB read (measureLinkKbps), kbit/s; null: unmeasured. */
	kbps: number | null;
}

/**
 * Time to get each way into DuckDB, in seconds, for `mb` megabytes on a link of `kbps`: transfer
 * plus processing. Processing costs measured by `npm run bench` (src/node/bench-pi.ts, headless
 * Chromium, localhost): a .duckdb is attached and copied at ~0.03 s/MB + 0.3 s (6.6 MB: 0.40–
 * 0.52 s, 36.5 MB: 0.73–1.41 s); contract Parquet read by ranges and decoded in the Parquet
 * workers at ~0.09 s/MB + 0.5 s (3.1 MB: 0.85 s, 31 MB: 3.3 s; it was 0.24 s/MB + 0.9 s decoded
 * on the page). Decoding overlaps the next table's transfer, so the total is near the larger of
 * the two.
 */
export function estimateSeconds(way: 'duckdb' | 'parquet', mb: number, kbps: number): number {
	const transfer = (mb * 8000) / kbps;
	if (way === 'duckdb') return transfer + 0.3 + 0.03 * mb;
	const decode = 0.5 + 0.09 * mb;
	return Math.max(transfer, decode) + 0.1 * Math.min(transfer, decode);
}

/**
 * The rule: a Pi mission with contract Parquet comes as Parquet read by ranges (footers first,
 * then the column chunks, decoded while the next table downloads), unless the .duckdb is
 * estimated faster on the link as measured (it is twice the bytes for a 1-hour sortie but needs
 * no JS decoding: it wins only on fast links, above ~190 Mbit/s for 1 h, ~145 Mbit/s for 10 h, a
 * wired LAN or the Pi's own host). A Pi that
 * does not answer ranges gets whole downloads of the same choice. No Parquet: the .duckdb whole
 * (reading it by ranges to copy every table re-reads blocks: 9.5 MB for a 6.6 MB file).
 */
export function planPiFetch(m: PiMission, link: PiLink): PiFetchPlan {
	const pq = parquetFiles(m);
	const db = duckdbFile(m);
	const hasContract = pq.some((x) => /^(mission|rssi_sample)\.parquet$/.test(x.name));
	if (!hasContract) {
		return db
			? { way: 'whole', files: [db], why: 'the Pi offers only a .duckdb' }
			: { way: 'whole', files: pq, why: 'no contract Parquet or .duckdb' };
	}
	const mbPq = sum(pq) / 1e6;
	if (db && link.kbps) {
		const tDb = estimateSeconds('duckdb', db.bytes / 1e6, link.kbps);
		const tPq = estimateSeconds('parquet', mbPq, link.kbps);
		if (tDb < tPq)
			return {
				way: 'whole',
				files: [db],
				why: `fast link (${(link.kbps / 1000).toFixed(0)} Mbit/s): the .duckdb needs no decoding`
			};
	}
	if (link.ranges === false)
		return { way: 'whole', files: pq, why: 'the Pi does not answer range requests' };
	return { way: 'range-parquet', files: pq, why: 'Parquet read by ranges' };
}

/**
 * Download files whole with progress in bytes; names keep the mission folder (`id/file`).
 * Up to four at a time: on the radio link the round trips of the small tables then overlap.
 */
export async function downloadPiMission(
	http: string,
	m: PiMission,
	onProgress: (done: number, total: number) => void,
	f: typeof fetch = fetch,
	files: PiMissionFile[] = filesToFetch(m)
): Promise<NamedBytes[]> {
	const total = sum(files);
	let done = 0;
	const one = async (file: PiMissionFile) => {
		const res = await f(new URL(file.url, http).href);
		if (!res.ok || !res.body) throw new Error(`Could not download ${file.name}: ${res.status}`);
		const reader = res.body.getReader();
		const parts: Uint8Array[] = [];
		for (;;) {
			const { done: end, value } = await reader.read();
			if (end) break;
			parts.push(value);
			done += value.length;
			onProgress(done, total);
		}
		return { name: `${m.id}/${file.name}`, bytes: concat(parts) };
	};
	return pool(files, 4, one);
}

/**
 * The mission's Parquet files as range-read buffers (byte progress over all of them). Nothing is
 * fetched until hyparquet asks; a server that ignores ranges answers 200 and the file is then
 * kept whole (`ranged()` false).
 */
export function piRangeFiles(
	http: string,
	m: PiMission,
	onProgress: (done: number, total: number) => void,
	f: typeof fetch = fetch
): RangedFile<RangeFile>[] {
	const files = parquetFiles(m);
	const total = sum(files);
	let done = 0;
	const onBytes = (n: number): void => {
		done += n;
		onProgress(Math.min(done, total), total);
	};
	return files.map((x) => ({
		name: `${m.id}/${x.name}`,
		file: httpRangeFile(new URL(x.url, http).href, x.bytes, onBytes, f)
	}));
}

/** Map with at most `n` in flight, results in input order. */
async function pool<T, R>(items: T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
	const out = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i] as T);
		}
	};
	await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
	return out;
}
