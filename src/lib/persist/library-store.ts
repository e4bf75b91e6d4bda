/**
 * The library that stays in the browser: every imported source file kept as it came (Parquet,
 * .duckdb, zip…) in the origin's private file system, and a manifest of the missions they hold
 * with the facts the library table and the fleet view show (list row, KPIs, dwell per state).
 *
 * Why files plus a manifest, not a DuckDB database file in OPFS: reopening then costs one small
 * JSON read (the table and the fleet view are drawn from it in well under a second, whatever
 * the library's size), rows go back into the engine in the background or when a mission is
 * opened, and what is stored is the user's own files, readable by any tool. A DuckDB-WASM OPFS
 * database takes an exclusive handle per tab and its WAL needs registering by hand.
 *
 * One tab writes (a Web Lock); another tab opened at the same time reads the stored library but
 * does not write it, and says so. Without OPFS (a private window) or storage quota, the library
 * works in memory for the session and says so.
 */
import type { NamedBytes } from '$lib/ingest/files';
import type { Dir } from './dir';

/** What the library shows of a stored mission without its rows in the engine. */
export interface StoredMission {
	mission_id: string;
	/** Content hash of the source files (a mission imported twice is kept once). */
	hash: string;
	/** Keys of the stored files whose ingest yields this mission. */
	files: string[];
	imported_at: number;
	/** The library row: list columns and KPIs (one JSON object, as SQL answered it). */
	row: Record<string, unknown>;
	/** Dwell per flight state, s (the fleet view's state chart). */
	dwell: { state: string; dwell_s: number }[];
}

export interface StoredFile {
	key: string;
	/** The name it was imported under (its folder path included). */
	name: string;
	bytes: number;
	hash: string;
}

export interface Manifest {
	version: 1;
	files: StoredFile[];
	missions: StoredMission[];
}

const MANIFEST = 'manifest.json';
const EMPTY: Manifest = { version: 1, files: [], missions: [] };

/** SHA-256 of bytes as hex (content identity of a stored file). */
export async function contentHash(bytes: Uint8Array): Promise<string> {
	const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class LibraryStore {
	#manifest: Manifest = EMPTY;

	/**
	 * `writable`: this tab holds the library's write lock. `where`: 'opfs' (kept across reloads)
	 * or 'memory' (this session only), with `why` when it is memory.
	 */
	constructor(
		readonly dir: Dir,
		readonly writable: boolean,
		readonly where: 'opfs' | 'memory',
		readonly why: string | null = null
	) {}

	/** Read the manifest (an unreadable one is an empty library, said by the caller). */
	async load(): Promise<Manifest> {
		const text = await this.dir.read(MANIFEST).catch(() => null);
		this.#manifest = text ? parseManifest(new TextDecoder().decode(text)) : EMPTY;
		return this.#manifest;
	}

	get manifest(): Manifest {
		return this.#manifest;
	}

	/** The stored file with this content, if any (so the same file is stored once). */
	fileByHash(hash: string): StoredFile | undefined {
		return this.#manifest.files.find((f) => f.hash === hash);
	}

	/**
	 * Store files (those not stored yet) and the missions they hold, then the manifest: the
	 * manifest is written last and whole, so a crash leaves the previous library.
	 */
	async add(
		files: (NamedBytes & { hash: string })[],
		missions: Omit<StoredMission, 'files'>[],
		filesOf: (missionId: string) => string[]
	): Promise<void> {
		if (!this.writable) throw new Error('This tab does not write the stored library.');
		const stored = [...this.#manifest.files];
		const keyOf: Record<string, string> = {};
		for (const f of files) {
			const known = stored.find((s) => s.hash === f.hash);
			if (known) {
				keyOf[f.name] = known.key;
				continue;
			}
			const key = `f-${f.hash.slice(0, 24)}`;
			await this.dir.write(key, f.bytes);
			stored.push({ key, name: f.name, bytes: f.bytes.length, hash: f.hash });
			keyOf[f.name] = key;
		}
		const ids = new Set(missions.map((m) => m.mission_id));
		const kept = this.#manifest.missions.filter((m) => !ids.has(m.mission_id));
		const added = missions.map((m) => ({
			...m,
			files: filesOf(m.mission_id)
				.map((n) => keyOf[n])
				.filter((k): k is string => !!k)
		}));
		await this.#save({ version: 1, files: stored, missions: [...kept, ...added] });
	}

	/** Remove missions; files no mission needs any more are deleted after the manifest. */
	async remove(missionIds: string[]): Promise<void> {
		if (!this.writable) throw new Error('This tab does not write the stored library.');
		const gone = new Set(missionIds);
		const missions = this.#manifest.missions.filter((m) => !gone.has(m.mission_id));
		const needed = new Set(missions.flatMap((m) => m.files));
		const files = this.#manifest.files.filter((f) => needed.has(f.key));
		const orphans = this.#manifest.files.filter((f) => !needed.has(f.key));
		await this.#save({ version: 1, files, missions });
		for (const f of orphans) await this.dir.remove(f.key).catch(() => undefined);
	}

	/** Forget the whole library (every file and the manifest). */
	async forget(): Promise<void> {
		if (!this.writable) throw new Error('This tab does not write the stored library.');
		await this.#save(EMPTY);
		for (const name of await this.dir.list())
			if (name !== MANIFEST) await this.dir.remove(name).catch(() => undefined);
	}

	/** The stored files of some missions, as they were imported. */
	async read(missionIds: string[]): Promise<NamedBytes[]> {
		const want = new Set(missionIds);
		const keys = new Set(
			this.#manifest.missions.filter((m) => want.has(m.mission_id)).flatMap((m) => m.files)
		);
		const out: NamedBytes[] = [];
		for (const f of this.#manifest.files)
			if (keys.has(f.key)) out.push({ name: f.name, bytes: await this.dir.read(f.key) });
		return out;
	}

	async #save(m: Manifest): Promise<void> {
		await this.dir.write(MANIFEST, new TextEncoder().encode(JSON.stringify(m)));
		this.#manifest = m;
	}
}

/** A manifest from JSON; anything unreadable is an empty library (never a blank page). */
export function parseManifest(text: string): Manifest {
	try {
		const m = JSON.parse(text) as Partial<Manifest>;
		if (m.version !== 1 || !Array.isArray(m.files) || !Array.isArray(m.missions)) return EMPTY;
		return { version: 1, files: m.files, missions: m.missions };
	} catch {
		return EMPTY;
	}
}
