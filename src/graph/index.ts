export * from './types.js';
export { GraphBuilder, edgeId, type ResourceInit } from './builder.js';
export { mergeGraphs, filterTypes, foldEdges, pruneContainment, normalizeGraph, typeMatcher } from './normalize.js';
