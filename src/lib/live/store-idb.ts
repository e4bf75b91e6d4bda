/** IndexedDB fallback of the recording store (browsers without OPFS). See store.ts. */
import { mergeRows } from './append';
import type { LiveRows } from './tables';
import type { RecordingMeta, RecordingStore } from './store';

const req = <T>(r: IDBRequest<T>) =>
	new Promise<T>((ok, fail) => {
		r.onsuccess = () => ok(r.result);
		r.onerror = () => fail(r.error);
	});

export class IdbStore implements RecordingStore {
	readonly kind = 'indexeddb';
	constructor(readonly db: IDBDatabase) {}

	static async open(): Promise<IdbStore> {
		const r = indexedDB.open('pisad-live', 1);
		r.onupgradeneeded = () => {
			r.result.createObjectStore('meta', { keyPath: 'id' });
			r.result.createObjectStore('chunks');
		};
		return new IdbStore(await req(r));
	}

	#store(name: 'meta' | 'chunks', mode: IDBTransactionMode) {
		return this.db.transaction(name, mode).objectStore(name);
	}

	async list(): Promise<RecordingMeta[]> {
		const all = await req(this.#store('meta', 'readonly').getAll() as IDBRequest<RecordingMeta[]>);
		return all.sort((a, b) => b.updated_at - a.updated_at);
	}

	async write(meta: RecordingMeta, n: number, rows: LiveRows): Promise<void> {
		await req(this.#store('chunks', 'readwrite').put(JSON.stringify(rows), [meta.id, n]));
		await req(this.#store('meta', 'readwrite').put(meta));
	}

	async read(id: string): Promise<LiveRows> {
		const range = IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
		const texts = await req(
			this.#store('chunks', 'readonly').getAll(range) as IDBRequest<string[]>
		);
		const out: LiveRows = {};
		for (const t of texts) mergeRows(out, JSON.parse(t) as LiveRows);
		return out;
	}

	async remove(id: string): Promise<void> {
		const range = IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
		await req(this.#store('chunks', 'readwrite').delete(range));
		await req(this.#store('meta', 'readwrite').delete(id));
	}
}
