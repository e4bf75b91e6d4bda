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
import { bodyOf, type NamedBytes } from '$lib/ingest/files';
import type { Dir } from './dir';
import { sourceKey } from './hash';

/** What the library shows of a stored mission without its rows in the engine. */
export interface StoredMission {
	mission_id: string;
	/** Content hash of its source (a mission imported twice is kept once). */
	hash: string;
	/** Keys of the stored sources whose ingest yields this mission. */
	files: string[];
	imported_at: number;
	/** The library row: list columns and KPIs (one JSON object, as SQL answered it). */
	row: Record<string, unknown>;
	/** Dwell per flight state, s (the fleet view's state chart). */
	dwell: { state: string; dwell_s: number }[];
}

/**
 * One stored source: the files of one load unit (a mission folder, a database file) packed in
 * one OPFS file, each at its offset. One write per mission instead of one per table: an OPFS
 * writable costs tens of milliseconds to open and commit, whatever its size.
 */
export interface StoredFile {
	key: string;
	bytes: number;
	hash: string;
	parts: { name: string; offset: number; length: number }[];
}

export interface Manifest {
	version: 1;
	files: StoredFile[];
	missions: StoredMission[];
}

/** A load unit to keep: its files and their content hash. */
export interface Source {
	files: NamedBytes[];
	hash: string;
	/** Its stored file was written already, by the hashing worker (hash.ts keepSource). */
	written?: boolean;
}

const MANIFEST = 'manifest.json';
const EMPTY: Manifest = { version: 1, files: [], missions: [] };

/** Content identity of a stored source (SHA-256 of its files, hashed off the main thread). */
export { keepSource } from './hash';

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

	/**
	 * Store sources (those not stored yet, by hash) and the missions they hold, then the
	 * manifest: written last and whole, so a crash leaves the previous library.
	 */
	async add(
		sources: Source[],
		missions: Omit<StoredMission, 'files'>[],
		sourceOf: (missionId: string) => Source | undefined
	): Promise<void> {
		if (!this.writable) throw new Error('This tab does not write the stored library.');
		const stored = [...this.#manifest.files];
		for (const src of sources) {
			if (stored.some((s) => s.hash === src.hash)) continue;
			const key = sourceKey(src.hash);
			const parts: StoredFile['parts'] = [];
			let offset = 0;
			for (const f of src.files) {
				parts.push({ name: f.name, offset, length: f.bytes.length });
				offset += f.bytes.length;
			}
			if (!src.written) await this.dir.write(key, src.files.map(bodyOf));
			stored.push({ key, bytes: offset, hash: src.hash, parts });
		}
		const ids = new Set(missions.map((m) => m.mission_id));
		const kept = this.#manifest.missions.filter((m) => !ids.has(m.mission_id));
		const keyOf = (h: string | undefined) => stored.find((s) => s.hash === h)?.key;
		const added = missions.map((m) => ({
			...m,
			files: [keyOf(sourceOf(m.mission_id)?.hash)].filter((k): k is string => !!k)
		}));
		await this.#save({ version: 1, files: stored, missions: [...kept, ...added] });
	}

	/** Remove missions; sources no mission needs any more are deleted after the manifest. */
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

	/** Forget the whole library (every source and the manifest). */
	async forget(): Promise<void> {
		if (!this.writable) throw new Error('This tab does not write the stored library.');
		await this.#save(EMPTY);
		for (const name of await this.dir.list())
			if (name !== MANIFEST) await this.dir.remove(name).catch(() => undefined);
	}

	/**
	 * Delete stored files that the manifest does not name: sources written ahead of their
	 * missions' rows (hash.ts keepSource) by an import that was closed or failed before its
	 * commit. Run by the writing tab when it opens the library, before any import.
	 */
	async sweep(): Promise<string[]> {
		if (!this.writable) return [];
		const named = new Set([MANIFEST, ...this.#manifest.files.map((f) => f.key)]);
		const orphans = (await this.dir.list()).filter((n) => !named.has(n));
		for (const n of orphans) await this.dir.remove(n).catch(() => undefined);
		return orphans;
	}

	/** The stored files of some missions, as they were imported. */
	async read(missionIds: string[]): Promise<NamedBytes[]> {
		const want = new Set(missionIds);
		const keys = new Set(
			this.#manifest.missions.filter((m) => want.has(m.mission_id)).flatMap((m) => m.files)
		);
		const out: NamedBytes[] = [];
		for (const f of this.#manifest.files) {
			if (!keys.has(f.key)) continue;
			const packed = await this.dir.read(f.key);
			for (const p of f.parts)
				out.push({ name: p.name, bytes: packed.subarray(p.offset, p.offset + p.length) });
		}
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
