/**
 * Schema of rules/languages/<lang>/<family>.yaml: the linguistic knowledge one
 * extractor interprets (numbers, qualifiers, victims, outcomes, sources, stances,
 * dates, event cues). PLACEHOLDER owned by the extraction work.
 */
import { z } from 'zod';

export const LanguageRules = z.object({}).passthrough();
export type LanguageRules = z.infer<typeof LanguageRules>;
