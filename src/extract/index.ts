/**
 * Extraction entry point: a report becomes event mentions, aggregates and loose
 * stances. Hand-coded reports are taken as coded; text is read by the extractor
 * of the report's language.
 */
import type { Extraction } from '../model/claim.js';
import type { Report } from '../model/report.js';
import type { Rules } from '../rules/schema.js';

export const emptyExtraction: Extraction = { mentions: [], aggregates: [], looseStances: [], warnings: [] };

// STUB until the coded and text extractors land.
export const extractReport = (_rules: Rules) => (_report: Report): Extraction => emptyExtraction;
