/**
 * The files `npm run bundle` writes beside the site: the Node server (src/node/serve.ts compiled
 * to plain JS, since it imports only Node built-ins), its launcher, a README, and the zip.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import ts from 'typescript';
import type { BundledMission } from './bundle';

/** src/node/serve.ts compiled to plain JS (it imports only Node built-ins). */
export async function serverModule(): Promise<string> {
	const src = await readFile(new URL('./serve.ts', import.meta.url), 'utf8');
	return ts.transpileModule(src, {
		compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
	}).outputText;
}

export const SERVE_MJS = `// PISAD Flight Analytics field build: node serve.mjs [--port 4173] [--host 127.0.0.1] [--isolated]
// Serves ./site with the right MIME types; --host 0.0.0.0 shares it with other devices on the LAN;
// --isolated sends COOP/COEP so DuckDB runs multi-threaded.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveStatic } from './serve-lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.PORT ?? '4173' },
		host: { type: 'string', default: '127.0.0.1' },
		isolated: { type: 'boolean', default: false }
	}
});
await serveStatic(join(here, 'site'), Number(values.port), values.host, { isolated: values.isolated });
console.log(\`PISAD Flight Analytics: http://\${values.host === '0.0.0.0' ? '127.0.0.1' : values.host}:\${values.port}/  (Ctrl+C to stop)\`);
`;

export const README = (missions: BundledMission[]) => `PISAD Flight Analytics — field build

Open it (no internet needed):
  node serve.mjs                 then open http://127.0.0.1:4173/
  (or double-click serve.cmd on Windows, ./serve.sh on Linux/macOS)
Without Node:
  cd site && python3 -m http.server 4173   then open http://127.0.0.1:4173/

Options: node serve.mjs --port 8080 --host 0.0.0.0 (share on the LAN) --isolated (threaded DuckDB)
Any static web server works: serve the site/ folder, at any path.

Missions listed on the home page:
${missions.map((m) => `  - ${m.name} (${m.id})`).join('\n')}
`;

/** The folder as a zip whose entries sit under the folder's own name. */
export async function zipFolder(dir: string): Promise<Uint8Array> {
	const entries: Zippable = {};
	const top = basename(dir);
	const walk = async (p: string): Promise<void> => {
		for (const n of await readdir(p)) {
			const f = join(p, n);
			if ((await stat(f)).isDirectory()) await walk(f);
			else
				entries[`${top}/${relative(dir, f).split('\\').join('/')}`] = new Uint8Array(
					await readFile(f)
				);
		}
	};
	await walk(dir);
	return zipSync(entries, { level: 6 });
}
