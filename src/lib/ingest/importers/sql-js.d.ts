/** The part of sql.js (1.16) the SQLite importer uses; the package ships no types. */
declare module 'sql.js' {
	export interface QueryExecResult {
		columns: string[];
		values: (string | number | Uint8Array | null)[][];
	}
	export interface Database {
		exec(sql: string): QueryExecResult[];
		export(): Uint8Array;
		close(): void;
	}
	export interface SqlJsStatic {
		Database: new (data?: Uint8Array) => Database;
	}
	export default function initSqlJs(config?: {
		locateFile?: (file: string) => string;
	}): Promise<SqlJsStatic>;
}
