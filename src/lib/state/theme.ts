/**
 * The page's theme as the layout sets it (`data-theme` on <html>), for pages that draw their own
 * colours (maps, charts). Calls `set` now and on every change; returns the cleanup, so a page
 * writes `$effect(() => watchTheme((t) => (theme = t)))`.
 */
export type Theme = 'dark' | 'light';

export function watchTheme(set: (t: Theme) => void): () => void {
	const root = document.documentElement;
	const read = () => set(root.dataset.theme === 'light' ? 'light' : 'dark');
	const obs = new MutationObserver(read);
	obs.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
	read();
	return () => obs.disconnect();
}
