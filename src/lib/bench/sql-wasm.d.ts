/**
 * Types for the part of sql.js 1.16 the bench worker uses (the package ships none). Declared for
 * the explicit browser entry `sql.js/dist/sql-wasm-browser.js` so it cannot clash with any other
 * declaration of the bare 'sql.js' module. API: https://sql.js.org/documentation/
 */
declare module 'sql.js/dist/sql-wasm-browser.js' {
	export type SqlJsValue = string | number | Uint8Array | null;
	export interface Statement {
		bind(values?: SqlJsValue[]): boolean;
		step(): boolean;
		get(): SqlJsValue[];
		getColumnNames(): string[];
		getAsObject(): Record<string, SqlJsValue>;
		run(values?: SqlJsValue[]): void;
		reset(): boolean;
		free(): boolean;
	}
	export interface Database {
		run(sql: string, params?: SqlJsValue[]): Database;
		exec(sql: string): { columns: string[]; values: SqlJsValue[][] }[];
		prepare(sql: string): Statement;
		close(): void;
	}
	export interface SqlJsStatic {
		Database: new (data?: Uint8Array) => Database;
	}
	export default function initSqlJs(config?: {
		locateFile?: (file: string) => string;
		/** false: SQLite's own math functions (floor, ceil) instead of sql.js's deprecated ones. */
		useOldExtensionFunctions?: boolean;
	}): Promise<SqlJsStatic>;
}
