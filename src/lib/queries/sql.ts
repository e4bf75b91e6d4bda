/**
 * Every .sql file under /sql, bundled as text at build time. `import.meta.glob` works in both Vite
 * and Vitest; Node scripts outside Vite read the files from disk instead (see $lib/db/node).
 */
import { sortSchemaPaths, splitSqlStatements } from '$lib/db/schema';

const files = import.meta.glob<string>('/sql/**/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
});

/** Names of all query files, e.g. 'queries/mission/mission_summary'. */
export function sqlNames(): string[] {
	return Object.keys(files).map((p) => p.replace(/^\/sql\//, '').replace(/\.sql$/, ''));
}

/** Text of one query file by its path under /sql without '.sql'; throws if there is none. */
export function sqlText(name: string): string {
	const text = files[`/sql/${name}.sql`];
	if (text === undefined)
		throw new Error(`No SQL file sql/${name}.sql (known: ${sqlNames().join(', ')})`);
	return text;
}

/** The schema files (sql/schema/*.sql) in file-name order, split into statements. */
export function schemaStatements(): string[] {
	const paths = sortSchemaPaths(Object.keys(files).filter((p) => p.startsWith('/sql/schema/')));
	return paths.flatMap((p) => splitSqlStatements(files[p] ?? ''));
}
