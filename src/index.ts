// Library entry: extract, openStore, ingest, runQuery, and the record types.
export { extract, analyse, EXTRACTOR_VERSION, type ExtractOptions } from './extract.js';
export { ingest, type IngestSummary, type IngestOptions, type IngestFailure } from './ingest.js';
export { runQuery } from './run-query.js';
export { openStore } from './store/index.js';
export { listQueries, findQuery, type NamedQuery } from './queries.js';
export { readInputs, type InputItem, type ReadOptions } from './input/read-inputs.js';
export { toGraph, contentHash } from './graph/to-graph.js';
export type { GraphRows, GraphNode, GraphRelationship } from './graph/types.js';
export type { GraphStore, StoreOptions, StoreKind, Counts, Row, LoadOutcome } from './store/types.js';
export * from './model/types.js';
export * from './errors.js';
