/**
 * Open the stored library of this origin: OPFS with the write lock when it can, otherwise a
 * library in memory, with the reason a person reads ("kept for this session only: …").
 */
import { MemoryDir, OpfsDir, takeWriteLock } from './dir';
import { LibraryStore } from './library-store';

const FOLDER = 'pisad-library';
const LOCK = 'pisad-library-writer';

export async function openLibraryStore(): Promise<LibraryStore> {
	let handle: FileSystemDirectoryHandle;
	try {
		const root = await navigator.storage.getDirectory();
		handle = await root.getDirectoryHandle(FOLDER, { create: true });
	} catch (e) {
		const why = `this browser gives the page no private storage (${e instanceof Error ? e.message : String(e)}; a private window does this)`;
		return new LibraryStore(new MemoryDir(), true, 'memory', why);
	}
	// Ask the browser not to evict the library under storage pressure (it may say no).
	void navigator.storage.persist?.().catch(() => false);
	const writer = await takeWriteLock(LOCK);
	const store = new LibraryStore(
		new OpfsDir(handle, FOLDER),
		writer,
		'opfs',
		writer
			? null
			: 'another tab of this app has the library open: this tab shows it but keeps new imports for this session only'
	);
	await store.load();
	// Sources a closed tab wrote ahead of its import's commit (none is under way yet).
	await store.sweep().catch(() => []);
	return store;
}
