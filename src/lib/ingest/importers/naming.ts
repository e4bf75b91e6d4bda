/** Mission ids and names for imported files: stable, so a re-import is seen as the same mission. */
import { compactUtc } from './time';

/** The file name without folders and extension. */
export function baseName(file: string): string {
	const base = file.slice(file.lastIndexOf('/') + 1);
	return base.replace(/\.[^.]+$/, '') || base;
}

/** `<format>-<start UTC>`, e.g. `recorder-csv-20250821T013000Z`; falls back to the file name. */
export function missionIdFor(format: string, startMs: number, file: string): string {
	const when = Number.isFinite(startMs) ? compactUtc(startMs) : safeName(baseName(file));
	return `${format}-${when}`;
}

/** A safe SQL identifier part: lower-case letters, digits, underscores (max 48 chars). */
export function safeName(s: string): string {
	const out = s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 48);
	return out || 'table';
}
