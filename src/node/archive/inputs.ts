/**
 * The command line's paths as the app's ingest takes files: a file by its name, a folder (a
 * mission folder, a folder of them, a story-4.8 EXPORT folder) as every file under it, named
 * from the folder's own name down, as a dropped folder is.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Unit } from './stage';

/** One input path as a load unit, or a sentence saying why it cannot be one. */
export function readInputs(input: string): Unit | string {
	if (!existsSync(input)) return `${input}: no such file or folder`;
	const root = basename(input.replace(/\/+$/, ''));
	if (!statSync(input).isDirectory())
		return { input, files: [{ name: root, bytes: new Uint8Array(readFileSync(input)) }] };
	const files: Unit['files'] = [];
	const walk = (dir: string, name: string): void => {
		for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
			a.name < b.name ? -1 : 1
		)) {
			if (e.name.startsWith('.')) continue;
			if (e.isDirectory()) walk(join(dir, e.name), `${name}/${e.name}`);
			else
				files.push({
					name: `${name}/${e.name}`,
					bytes: new Uint8Array(readFileSync(join(dir, e.name)))
				});
		}
	};
	walk(input, root);
	return files.length ? { input, files } : `${input}: the folder holds no files`;
}
