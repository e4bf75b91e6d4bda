/**
 * Save bytes or text as a file through the browser's download (no server involved). The object
 * URL is revoked after the click has been handled.
 */
export function saveFile(name: string, content: BlobPart | Blob, type: string): void {
	const blob = content instanceof Blob ? content : new Blob([content], { type });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const MIME = {
	csv: 'text/csv;charset=utf-8',
	json: 'application/json',
	parquet: 'application/vnd.apache.parquet',
	svg: 'image/svg+xml',
	png: 'image/png',
	geojson: 'application/geo+json'
} as const;
