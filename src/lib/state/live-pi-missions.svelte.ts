/** Missions recorded on the Pi: list them, download one with progress, open it in review. */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { AppState } from './app.svelte';
import { parsePiAddress } from '$lib/live/address';
import { downloadPiMission, listPiMissions, type PiMission } from '$lib/live/pi-missions';

export class PiMissions {
	missions = $state.raw<PiMission[] | null>(null);
	error = $state<string | null>(null);
	busy = $state<string | null>(null);
	#http = '';

	constructor(readonly app: AppState) {}

	async list(address: string) {
		const a = parsePiAddress(address);
		if (!a) return void (this.error = `"${address}" is not a Pi address (host:port).`);
		this.#http = a.http;
		this.error = null;
		try {
			this.missions = await listPiMissions(a.http);
		} catch (e) {
			this.error = `Could not list the Pi's missions at ${a.http}: ${e instanceof Error ? e.message : String(e)}`;
		}
	}

	async download(id: string) {
		const m = this.missions?.find((x) => x.id === id);
		if (!m) return;
		this.busy = id;
		try {
			const files = await downloadPiMission(this.#http, m, (done, total) => {
				this.app.progress = { label: `Downloading ${id}`, done, total };
			});
			this.app.progress = null;
			const ids = await this.app.loadFiles(files);
			const first = ids[0];
			if (first) await goto(`${resolve('/review/')}?m=${encodeURIComponent(first)}`);
		} catch (e) {
			this.app.say(
				'error',
				`Could not download ${id}: ${e instanceof Error ? e.message : String(e)}`
			);
		} finally {
			this.busy = null;
			this.app.progress = null;
		}
	}
}
