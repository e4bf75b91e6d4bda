/**
 * Public entry of the DB facade for app code. Node code (tests, benchmarks) imports
 * `$lib/db/node` directly so the browser bundle never sees Node modules.
 */
export type { Db, Row, SqlParam, SqlValue } from './types';
export { DbError, toDbError, type DbErrorData, type DbErrorKind } from './errors';
export { openBrowserDb, dbTimings } from './browser';
