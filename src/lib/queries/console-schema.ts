/** Typed wrapper of sql/queries/console/schema_columns.sql, and the user's own statements. */
import type { Db, Row, SqlParam } from '$lib/db/types';
import { sqlNames, sqlText } from './sql';

/** One row of schema_columns.sql. */
export interface SchemaColumnRow {
	table_schema: string;
	table_name: string;
	table_type: string;
	column_name: string;
	data_type: string;
	ordinal_position: number;
}

/** Every user-visible table and view with its columns (the console's schema list). */
export function schemaColumns(db: Db): Promise<SchemaColumnRow[]> {
	return db.query<SchemaColumnRow>(sqlText('queries/console/schema_columns'));
}

/**
 * Run what the person typed in the SQL console. This is the one place the app executes SQL it did
 * not write: it is the user's own query on the user's own in-browser database, and its values still
 * go in as bound parameters ($1, $2, ...), never spliced into the text.
 */
export function runConsoleSql(db: Db, text: string, params: readonly SqlParam[]): Promise<Row[]> {
	return db.query<Row>(text, params);
}

/** The app's analytical queries (sql/queries/**) as console templates: name and text. */
export function queryTemplates(): { name: string; text: string }[] {
	return sqlNames()
		.filter((n) => n.startsWith('queries/'))
		.sort()
		.map((n) => ({ name: n.replace(/^queries\//, ''), text: sqlText(n) }));
}
