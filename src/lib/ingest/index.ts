/** Turning files into contract tables: public entry for app code. */
export { loadMissionFiles, type LoadProgress, type LoadResult, type NamedFile } from './load';
export { fetchMissionFiles } from './fetch';
export { IngestError, type IngestNote } from './notes';
