/** Turning files into contract tables: public entry for app code. */
export { ingest, type IngestOptions, type IngestProgress, type IngestResult } from './ingest';
export { ingestDuckDbUrl, ingestRanged } from './remote';
export type { NamedBytes, RangedFile } from './files';
export { fetchMissionFiles } from './fetch';
export { DEFAULT_MAX_BYTES } from './limits';
export { IngestError, type IngestNote } from './notes';
export type { DataQualityNote, Severity } from './importers/types';
