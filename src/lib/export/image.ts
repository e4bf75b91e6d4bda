/**
 * Charts and the map as image files. Plot draws SVG: its markup is exported as is (with the
 * xmlns a standalone file needs, and the theme's colours inlined since CSS variables do not
 * survive outside the page), and rasterised to PNG through an <img> and a canvas (no network:
 * a blob: URL, allowed by the page's CSP). The MapLibre canvas keeps its drawing buffer, so
 * `toBlob` sees the map.
 */

/** Standalone SVG text for one Plot figure (an <svg>, or a <figure> holding one). */
export function svgMarkup(el: Element, background: string | null = null): string {
	const svg = el instanceof SVGSVGElement ? el : el.querySelector('svg');
	if (!svg) throw new Error('There is no chart drawn here to export.');
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
	const { width, height } = svg.getBoundingClientRect();
	if (!copy.getAttribute('width')) copy.setAttribute('width', String(Math.round(width)));
	if (!copy.getAttribute('height')) copy.setAttribute('height', String(Math.round(height)));
	const cs = getComputedStyle(svg);
	copy.style.color = cs.color;
	copy.style.fontFamily = cs.fontFamily;
	if (background) copy.style.background = background;
	return new XMLSerializer().serializeToString(copy);
}

/** PNG of an SVG string at `scale`× its size, on a solid background. */
export async function svgToPng(svgText: string, scale = 2, background = '#ffffff'): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.decoding = 'async';
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
		canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('This browser cannot draw to a canvas.');
		ctx.fillStyle = background;
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await canvasPng(canvas);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** PNG bytes of a canvas (the MapLibre map, created with preserveDrawingBuffer). */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((ok, fail) =>
		canvas.toBlob(
			(b) => (b ? ok(b) : fail(new Error('The map could not be captured as an image.'))),
			'image/png'
		)
	);
}
