/**
 * A load as the page observes it (status, mission ids, errors), and the shapes around it: what a
 * load takes, the progress bar, what a page opens. Loader (loader.svelte.ts) runs the jobs.
 */
import type { NamedBytes } from '$lib/ingest';
import type { PickedFile } from '$lib/ingest/dropped-files';
import { errorText } from './messages';

export type { LoadProgress } from '$lib/progress';

/**
 * What a job loads: files picked or dropped (read by the job), a library (many missions, loaded
 * chunk by chunk: library-import.ts), bytes, or URLs.
 */
export type LoadInput =
	| { picked: PickedFile[] }
	| { library: PickedFile[] }
	| { files: NamedBytes[] }
	| { urls: string[] };

/** What a page opens once its URL's loads are done. */
export interface Opened {
	/** Missions the URL's jobs hold (`?job=`, then every `?src=`), in order. */
	ids: string[];
	/** `?m=` when loaded, else the first of `ids`, else the first mission of the tab. */
	missionId: string | null;
}

let nextJobId = 1;

/** One load, observed by the page that waits for it. */
export class LoadJob {
	readonly id = nextJobId++;
	status = $state<'running' | 'done' | 'failed'>('running');
	/** Missions this job made available (loaded now, or by an earlier load of the same URL). */
	missionIds = $state.raw<string[]>([]);
	/** What went wrong, as said to the user (the job still ends 'done' when some loaded). */
	errors = $state.raw<string[]>([]);
	/** The mission ids when the job ends; never rejects (failures are in `errors`). */
	readonly done: Promise<string[]>;

	constructor(run: (job: LoadJob) => Promise<string[]>) {
		this.done = run(this).then(
			(ids) => {
				this.missionIds = ids;
				this.status = ids.length || !this.errors.length ? 'done' : 'failed';
				return ids;
			},
			(e: unknown) => {
				this.errors = [...this.errors, errorText(e)];
				this.status = 'failed';
				return [];
			}
		);
	}
}
