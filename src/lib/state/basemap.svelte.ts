/**
 * The user's basemap: none by default; a dropped .pmtiles file or a named URL, remembered for the
 * next visit (the URL in localStorage; the file's bytes in the origin-private file system, so a
 * laptop in the field gets its basemap back without the original file). MapLibre and pmtiles load
 * only when a basemap is used.
 */
import type { Basemap } from '$lib/map/basemap-style';

const KEY = 'pisad.basemap';
const OPFS_NAME = 'basemap.pmtiles';

interface Saved {
	origin: 'file' | 'url';
	name: string;
}

async function opfsDir(): Promise<FileSystemDirectoryHandle | null> {
	try {
		return navigator.storage?.getDirectory ? await navigator.storage.getDirectory() : null;
	} catch {
		return null;
	}
}

export class BasemapState {
	current = $state.raw<Basemap | null>(null);
	loading = $state(false);
	error = $state<string | null>(null);
	/** A note for the user that is not an error (e.g. the file could not be remembered). */
	note = $state<string | null>(null);
	#restored = false;

	/** Puts a dropped or chosen .pmtiles file under every map, and remembers it. */
	async useFile(file: File): Promise<boolean> {
		const ok = await this.#open(file);
		if (!ok) return false;
		this.note = null;
		const dir = await opfsDir();
		try {
			if (!dir) throw new Error('no origin-private file system');
			const h = await dir.getFileHandle(OPFS_NAME, { create: true });
			const w = await h.createWritable();
			await w.write(file);
			await w.close();
			this.#save({ origin: 'file', name: file.name });
		} catch {
			this.note = `${file.name} is shown, but this browser could not keep a copy: drop it again next time.`;
			this.#save(null);
		}
		return true;
	}

	/** Reads a basemap from a URL (HTTP range requests), and remembers the URL. */
	async useUrl(url: string): Promise<boolean> {
		const ok = await this.#open(url);
		if (ok) {
			this.note = null;
			this.#save({ origin: 'url', name: url.trim() });
		}
		return ok;
	}

	/** Back to no basemap; forgets the remembered one. */
	async clear(): Promise<void> {
		this.current = null;
		this.error = null;
		this.note = null;
		this.#save(null);
		const dir = await opfsDir();
		await dir?.removeEntry(OPFS_NAME).catch(() => {});
	}

	/** Brings back the basemap of the last visit, once per page load. */
	async restore(): Promise<void> {
		if (this.#restored) return;
		this.#restored = true;
		let saved: Saved | null = null;
		try {
			saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Saved | null;
		} catch {
			saved = null;
		}
		if (!saved) return;
		if (saved.origin === 'url') {
			if (!(await this.#open(saved.name)))
				this.error = `The remembered basemap could not be opened: ${this.error ?? ''}`;
			return;
		}
		const dir = await opfsDir();
		try {
			if (!dir) throw new Error('gone');
			const blob = await (await dir.getFileHandle(OPFS_NAME)).getFile();
			await this.#open(new File([blob], saved.name));
		} catch {
			this.note = `The remembered basemap ${saved.name} is no longer stored in this browser: drop it again.`;
			this.#save(null);
		}
	}

	async #open(source: File | string): Promise<boolean> {
		this.loading = true;
		this.error = null;
		try {
			const { openBasemap } = await import('$lib/map/basemap-file');
			this.current = await openBasemap(source);
			return true;
		} catch (e) {
			// The basemap already shown stays: a bad file never takes away what works.
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		} finally {
			this.loading = false;
		}
	}

	#save(s: Saved | null) {
		try {
			if (s) localStorage.setItem(KEY, JSON.stringify(s));
			else localStorage.removeItem(KEY);
		} catch {
			// Private mode: nothing remembered, nothing broken.
		}
	}
}
