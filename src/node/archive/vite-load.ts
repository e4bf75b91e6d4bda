/**
 * Load a module through Vite's module runner with the project's config, so Node scripts can run
 * app code that imports Vite-only assets (`?url`, `import.meta.glob`) as the unit tests do.
 */
import { createServer } from 'vite';

/** The module at `id` (a path from the project root, e.g. '/src/node/archive/stage.ts'). */
export async function viteImport<T>(id: string): Promise<{ mod: T; close(): Promise<void> }> {
	const server = await createServer({
		configFile: 'vite.config.ts',
		server: { middlewareMode: true, hmr: false, watch: null },
		appType: 'custom',
		logLevel: 'error'
	});
	const mod = (await server.ssrLoadModule(id)) as T;
	return { mod, close: () => server.close() };
}
