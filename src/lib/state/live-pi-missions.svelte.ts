/**
 * Missions recorded on the Pi: list them with a summary of each (duration, samples, detections,
 * time span) read from the Parquet footers by range requests, then fetch one the way
 * planPiFetch picks (Parquet read by ranges, or whole files) with progress, and open it.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { AppState } from './app.svelte';
import { errorText } from './messages';
import { ingestRanged } from '$lib/ingest';
import { parsePiAddress } from '$lib/live/address';
import {
	downloadPiMission,
	duckdbFile,
	fileUrl,
	listPiMissions,
	parquetFiles,
	piRangeFiles,
	planPiFetch,
	readPiMissionSummary,
	type PiLink,
	type PiMission,
	type PiMissionSummary
} from '$lib/live/pi-missions';
import { NoRangesError, measureLinkKbps } from '$lib/live/range';

export class PiMissions {
	missions = $state.raw<PiMission[] | null>(null);
	/** Footer summaries by mission id: null while unread or when the mission has none. */
	summaries = $state.raw<Record<string, PiMissionSummary | null>>({});
	error = $state<string | null>(null);
	busy = $state<string | null>(null);
	/** How the last mission was fetched (shown, and read by the tests). */
	lastWay = $state<string | null>(null);
	#http = '';
	#link: PiLink = { ranges: null, kbps: null };

	constructor(readonly app: AppState) {}

	async list(address: string) {
		const a = parsePiAddress(address);
		if (!a) return void (this.error = `"${address}" is not a Pi address (host:port).`);
		this.#http = a.http;
		this.error = null;
		this.summaries = {};
		this.#link = { ranges: null, kbps: null };
		try {
			this.missions = await listPiMissions(a.http);
		} catch (e) {
			this.error = `Could not list the Pi's missions at ${a.http}: ${e instanceof Error ? e.message : String(e)}`;
			return;
		}
		void this.#summarise(a.http, this.missions);
	}

	/**
	 * Footers one mission after another (a few KiB each): each row fills in as its summary
	 * arrives. Then, when some mission could come either as Parquet or as a .duckdb, one 256 KiB
	 * read measures the link for planPiFetch (footers are too small to time a fast link).
	 */
	async #summarise(http: string, missions: PiMission[]) {
		for (const m of missions) {
			if (http !== this.#http) return; // listed another Pi meanwhile
			try {
				const s = await readPiMissionSummary(http, m);
				if (s) this.#link.ranges = s.ranges;
				this.summaries = { ...this.summaries, [m.id]: s };
			} catch (e) {
				if (e instanceof NoRangesError) {
					this.#link.ranges = false;
					break; // every other footer would pull a whole file too
				}
			}
		}
		const both = missions.find((m) => duckdbFile(m) && parquetFiles(m).length);
		const probe = both && duckdbFile(both);
		if (!probe || http !== this.#http) return;
		try {
			this.#link.kbps = await measureLinkKbps(fileUrl(http, probe));
		} catch {
			// Unmeasured: planPiFetch then keeps to Parquet, the right choice on a slow link.
		}
	}

	async download(id: string) {
		const m = this.missions?.find((x) => x.id === id);
		if (!m) return;
		this.busy = id;
		const plan = planPiFetch(m, this.#link);
		const progress = (label: string) => (done: number, total: number) => {
			this.app.progress = { label, done, total };
		};
		try {
			let ids: string[] | null = null;
			if (plan.way === 'range-parquet') {
				const files = piRangeFiles(this.#http, m, progress(`Downloading ${id} (${plan.why})`));
				try {
					const got = await this.app.loader.run((db) => ingestRanged(db, files));
					this.lastWay = 'range-parquet';
					ids = got;
				} catch (e) {
					// Nothing was written (one transaction). A file whose bytes arrived but whose content
					// is wrong would be just as wrong downloaded whole: say so now. Ranges refused or a
					// read failed: fetch whole.
					if (!files.some((f) => f.file.failed() || f.file.ranged() === false)) throw e;
					this.app.say(
						'note',
						`Reading ${id} by ranges failed (${e instanceof Error ? e.message : String(e)}); downloading it whole.`
					);
				}
			}
			if (ids === null) {
				const files = await downloadPiMission(
					this.#http,
					m,
					progress(
						`Downloading ${id} (${plan.way === 'whole' ? plan.why : 'whole, after the range read failed'})`
					),
					fetch,
					plan.files
				);
				this.app.progress = null;
				ids = await this.app.load({ files }).done;
				this.lastWay = `whole ${plan.files.length === 1 ? '.duckdb' : 'Parquet'}`;
			}
			const first = ids[0];
			if (first) await goto(`${resolve('/review/')}?m=${encodeURIComponent(first)}`);
		} catch (e) {
			this.app.say('error', `Could not download ${id}: ${errorText(e)}`);
		} finally {
			this.busy = null;
			this.app.progress = null;
		}
	}
}
