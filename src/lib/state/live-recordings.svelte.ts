/**
 * Recordings kept in the browser (OPFS / IndexedDB) by the live recorder: listed when the live
 * page opens so a recording cut short by a reload or crash is offered back, opened into DuckDB,
 * saved as a flight file, or discarded.
 */
import type { AppState } from './app.svelte';
import { openRecordingStore, type RecordingMeta, type RecordingStore } from '$lib/live/store';
import { restoreRows } from '$lib/live/save';
import { saveFlightZip } from '$lib/live/save-parquet';

export class LiveRecordings {
	list = $state.raw<RecordingMeta[]>([]);
	kind = $state<'opfs' | 'indexeddb' | 'none'>('none');
	store: RecordingStore | null = null;

	constructor(readonly app: AppState) {}

	async init() {
		this.store = await openRecordingStore();
		this.kind = this.store?.kind ?? 'none';
		await this.reload();
	}

	async reload() {
		this.list = (await this.store?.list()) ?? [];
	}

	/** Load a recording into this tab's DuckDB; returns its mission id. */
	async open(id: string): Promise<string | null> {
		if (!this.store) return null;
		try {
			const rows = await this.store.read(id);
			const mission = await restoreRows(await this.app.db(), rows);
			await this.app.refresh();
			return mission;
		} catch (e) {
			this.app.say('error', `Could not open recording ${id}: ${String(e)}`);
			return null;
		}
	}

	async discard(id: string) {
		await this.store?.remove(id);
		await this.reload();
	}

	/**
	 * Write a mission as contract Parquet (one file per table, zipped) and hand it to the browser
	 * as a download; the library opens the zip like a dropped mission folder. (A .duckdb written
	 * inside DuckDB-WASM could not be read back out of its virtual file system.)
	 */
	async save(missionId: string): Promise<string | null> {
		try {
			const bytes = await saveFlightZip(await this.app.db(), missionId);
			const name = `${missionId.replace(/[^\w.-]+/g, '_')}.zip`;
			const url = URL.createObjectURL(
				new Blob([bytes.slice().buffer as ArrayBuffer], { type: 'application/octet-stream' })
			);
			const a = document.createElement('a');
			a.href = url;
			a.download = name;
			a.click();
			setTimeout(() => URL.revokeObjectURL(url), 10_000);
			return name;
		} catch (e) {
			this.app.say(
				'error',
				`Could not save the flight: ${e instanceof Error ? e.message : String(e)}`
			);
			return null;
		}
	}
}
