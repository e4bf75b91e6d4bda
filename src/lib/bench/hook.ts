/** Puts the bench on `window.pisadBench` for the headless driver; returns the cleanup. */
import { runPiFetch } from './pi-fetch';
import { runSize } from './run-size';

export function installBenchHook(status: (s: string) => void): () => void {
	window.pisadBench = { runSize: (req) => runSize(req, status), runPiFetch };
	status('ready');
	return () => {
		delete window.pisadBench;
	};
}
