/**
 * Zip archives (a saved flight, a mission folder zipped for e-mail): their files take the
 * archive's place, keeping their folder paths so each folder still loads as one mission.
 */
import { unzipSync } from 'fflate';
import type { NamedBytes } from './files';
import { IngestError } from './notes';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** True when the bytes start like a zip archive. */
export function isZip(bytes: Uint8Array): boolean {
	return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Replace every zip by its entries (folders kept; directories and macOS metadata skipped). */
export function expandZips(files: NamedBytes[]): NamedBytes[] {
	const out: NamedBytes[] = [];
	for (const f of files) {
		if (!/\.zip$/i.test(f.name) && !isZip(f.bytes)) {
			out.push(f);
			continue;
		}
		let entries: Record<string, Uint8Array>;
		try {
			entries = unzipSync(f.bytes);
		} catch (e) {
			throw new IngestError(
				f.name,
				`${f.name} is not a readable zip archive (${e instanceof Error ? e.message : String(e)})`,
				'Copy the file again, or unzip it and drop the folder.'
			);
		}
		const base = f.name.replace(/\.zip$/i, '');
		for (const [path, bytes] of Object.entries(entries)) {
			if (path.endsWith('/') || path.startsWith('__MACOSX/')) continue;
			// Entries at the archive's top level belong to a folder named after the archive.
			out.push({ name: path.includes('/') ? path : `${base}/${path}`, bytes });
		}
	}
	return out;
}
