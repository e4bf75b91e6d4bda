/**
 * Module budget (style guide point 13): a TS module under src stays within 250 lines and a Svelte
 * component's `<script>` within 150, unless its header gives a one-line `budget:` reason.
 * Test files are not modules and are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TS_LINES = 250;
const SCRIPT_LINES = 150;

/**
 * Files allowed over budget while a change splits them (none now): globs from the repository
 * root (see glob below). A file that stays long for a reason says so with `budget:` instead.
 */
const BEING_SPLIT: string[] = [];

const ROOT = join(import.meta.dirname, '../..');

// Paths here hold only letters, '-', '.', '+' and '/': a double star and slash spans folders,
// a single star stays within one.
function glob(pattern: string): RegExp {
	const part = (p: string) =>
		p
			.split('*')
			.map((x) => x.replace(/[.+]/g, '\\$&'))
			.join('[^/]*');
	return new RegExp(`^${pattern.split('**/').map(part).join('(?:.*/)?')}$`);
}
const BEING_SPLIT_RE = BEING_SPLIT.map(glob);
const allowed = (path: string) => BEING_SPLIT_RE.some((re) => re.test(path));

/** Lines of every `<script>` block of a component. */
function scriptLines(text: string): number {
	let n = 0;
	for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g))
		n += (m[1] ?? '').split('\n').length - 2;
	return n;
}

/** A one-line reason in the header (first 30 lines) says the size is deliberate. */
const hasReason = (text: string) => /\bbudget:\s*\S/.test(text.split('\n').slice(0, 30).join('\n'));

function sizes(): { path: string; lines: number; limit: number; text: string }[] {
	const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' });
	return files.flatMap((f) => {
		const path = `src/${f.split('\\').join('/')}`;
		if (/\.test\.ts$/.test(path)) return [];
		const ts = path.endsWith('.ts');
		if (!ts && !path.endsWith('.svelte')) return [];
		const text = readFileSync(join(ROOT, path), 'utf8');
		const lines = ts ? text.replace(/\n$/, '').split('\n').length : scriptLines(text);
		return [{ path, lines, limit: ts ? TS_LINES : SCRIPT_LINES, text }];
	});
}

describe('module budget', () => {
	const all = sizes();

	it('finds the source files', () => {
		expect(all.length).toBeGreaterThan(100);
	});

	it('keeps every module and component script within budget, or says why in its header', () => {
		const over = all
			.filter((f) => f.lines > f.limit && !hasReason(f.text) && !allowed(f.path))
			.map(
				(f) => `${f.path}: ${f.lines} lines (budget ${f.limit}); split it or add a "budget:" reason`
			);
		expect(over).toEqual([]);
	});

	it('lists no pattern that matches nothing (drop it from BEING_SPLIT once the split lands)', () => {
		const stale = BEING_SPLIT.filter((_, i) => !all.some((f) => BEING_SPLIT_RE[i]?.test(f.path)));
		expect(stale).toEqual([]);
	});
});
