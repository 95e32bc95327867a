/**
 * check-rules as a pure library: the engine's invariants as fast-check properties under a
 * given rule set, with generators drawn from that rule set's vocabulary. The CLI
 * (src/cli/check-rules.ts) chooses runs and seed, times each property and prints.
 */
export { ruleProperties, type RuleProperty } from './properties.js';
export { runProperty, type CheckParams, type PropertyResult } from './run.js';
export { vocabularyOf, type Vocabulary, type LanguageVocabulary } from './vocabulary.js';
export { scenarioOf } from './arbitraries.js';
export * as Invariants from './invariants.js';
