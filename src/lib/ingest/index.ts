/** Turning files into contract tables: public entry for app code. */
export {
	loadMissionFiles,
	loadRemoteDuckDb,
	loadRemoteParquetMission,
	type RemoteParquetFile,
	type LoadOptions,
	type LoadProgress,
	type LoadResult,
	type NamedFile
} from './load';
export { fetchMissionFiles } from './fetch';
export { DEFAULT_MAX_BYTES } from './limits';
export { IngestError, type IngestNote } from './notes';
export type { DataQualityNote, Severity } from './importers/types';
