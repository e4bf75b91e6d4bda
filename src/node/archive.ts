/**
 * The fleet archive (issue 17; format in docs/archive.md):
 *   npm run archive -- add <paths…> --to <dir>   mission folders, .duckdb, pisad.db, zips, EXPORT folders
 *   npm run archive -- verify <dir>
 *   npm run archive -- index <dir>               the row-group index of an archive written without it
 * Exit code 1 when an add could add nothing because of bad input, or verify finds a problem.
 */
import { parseArgs } from 'node:util';
import { addToArchive } from './archive/add';
import { indexArchive } from './archive/ranges';
import { verifyArchive } from './archive/verify';

const USAGE = `Usage:
  npm run archive -- add <paths…> --to <dir>
      Adds missions to the archive at <dir> (created if missing): mission folders (contract
      Parquet), .duckdb files (contract or story-4.8), a Pi's pisad.db, saved live flights (.zip),
      the Pi's EXPORT folders, or folders of any of these. A mission already in the archive with
      the same content is left as it is; a file that cannot be read is named and skipped.
  npm run archive -- verify <dir>
      Checks that every data file opens, the manifest's counts match the files, every part it
      lists exists, its row-group index matches the files and no temp directory of an
      interrupted add is left.
  npm run archive -- index <dir>
      Writes the manifest's row-group index (where each mission's rows are in each file, so a
      browser opens a mission in one range read per file) for an archive written without it.`;

async function main(): Promise<number> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { to: { type: 'string' }, help: { type: 'boolean', default: false } }
	});
	const [cmd, ...paths] = positionals;
	if (values.help || !cmd) {
		console.log(USAGE);
		return cmd || values.help ? 0 : 1;
	}
	if (cmd === 'add') {
		if (!values.to || !paths.length) return (console.error(USAGE), 1);
		const t0 = performance.now();
		const r = await addToArchive(paths, values.to);
		for (const n of r.notes) console.log(`note: ${n}`);
		for (const p of r.problems) console.error(`skipped: ${p}`);
		for (const id of r.unchanged)
			console.log(`unchanged: ${id} (already in the archive, same content)`);
		const s = ((performance.now() - t0) / 1000).toFixed(1);
		if (r.added.length)
			console.log(
				`added ${r.added.length} mission(s) in ${r.files.length} files to ${values.to} in ${s} s: ${r.added.join(', ')}`
			);
		else if (r.problems.length && !r.unchanged.length) {
			console.error(`nothing could be added; ${values.to} is unchanged`);
			return 1;
		} else console.log(`nothing new; ${values.to} is unchanged`);
		return 0;
	}
	if (cmd === 'verify') {
		const dir = paths[0] ?? values.to;
		if (!dir) return (console.error(USAGE), 1);
		const r = await verifyArchive(dir);
		const rows = Object.entries(r.rows)
			.map(([t, n]) => `${t} ${n}`)
			.join(', ');
		console.log(
			`${dir}: ${r.missions} missions, ${r.hours.toFixed(2)} h, ${r.files} data files, ${(r.bytes / 1e6).toFixed(1)} MB; rows: ${rows || 'none'}`
		);
		for (const p of r.problems) console.error(`problem: ${p}`);
		console.log(r.problems.length ? `${r.problems.length} problem(s)` : 'ok');
		return r.problems.length ? 1 : 0;
	}
	if (cmd === 'index') {
		const dir = paths[0] ?? values.to;
		if (!dir) return (console.error(USAGE), 1);
		console.log(`${dir}: ${await indexArchive(dir)} missions indexed`);
		return 0;
	}
	console.error(`unknown command ${cmd}\n${USAGE}`);
	return 1;
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	}
);
