/**
 * Recorded missions on the Pi (`GET /api/missions`) and their download with byte progress. The
 * files then load like dropped files (contract Parquet folder or .duckdb).
 */
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

/**
 * Which files to fetch: the .duckdb alone when the Pi has one (one file, same tables), otherwise
 * the contract Parquet files.
 */
export function filesToFetch(m: PiMission): PiMissionFile[] {
	const db = m.files.find((x) => x.name.endsWith('.duckdb'));
	return db ? [db] : m.files.filter((x) => x.name.endsWith('.parquet'));
}

/** Download files with progress in bytes; names keep the mission folder (`id/file`). */
export async function downloadPiMission(
	http: string,
	m: PiMission,
	onProgress: (done: number, total: number) => void,
	f: typeof fetch = fetch
): Promise<{ name: string; bytes: Uint8Array }[]> {
	const files = filesToFetch(m);
	const total = files.reduce((s, x) => s + x.bytes, 0);
	let done = 0;
	const out: { name: string; bytes: Uint8Array }[] = [];
	for (const file of files) {
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
		const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
		let at = 0;
		for (const p of parts) {
			bytes.set(p, at);
			at += p.length;
		}
		out.push({ name: `${m.id}/${file.name}`, bytes });
	}
	return out;
}
