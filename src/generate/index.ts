/**
 * The synthetic corpus generator: reports with known truth, written in the rule set's own
 * vocabulary so the real extractor can read them, and the scorer that compares a
 * clustering with that truth. Pure and deterministic for a seed; bench/ writes the files.
 */
export { DEFAULT_OPTIONS, DEFAULT_RATES, generateCorpus } from './corpus.js';
export type { Corpus, GenerateOptions, Rates } from './corpus.js';
export { corpusFiles, ndjsonLines, textFiles, truthOf } from './files.js';
export type { CorpusFile, Truth } from './files.js';
export type { TrueIncident } from './incidents.js';
export type { GeneratedReport } from './reports.js';
export { scoreClustering } from './score.js';
export type { ClusterScore } from './score.js';
export { vocabularyOf } from './vocabulary.js';
export type { Vocabulary } from './vocabulary.js';
