// The I/O layer's public face: what the CLI, server and language server use.
export { writeFileAtomic } from './atomic-write.js';
export { CACHE_DIR_ENV, cacheDir, openCache, PARSE_VERSION, type ParseCache } from './cache.js';
export { discover } from './discover.js';
export { type LoadedSuite, type LoadOptions, loadSuite } from './load.js';
export { DEFAULT_OPEN_FILES, mapLimit } from './map-limit.js';
export { type PoolOptions, parseTexts } from './pool.js';
export { decodeDoc, type ReadFailure, type ReadOptions, type ReadResult, readDoc } from './read.js';
export type { DiscoverOptions, Discovery, FileProblem } from './types.js';
export { docmapVersion } from './version.js';
