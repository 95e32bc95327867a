/**
 * Schema of rules/languages/<lang>/furniture.yaml: the furniture of web pages (captions,
 * photo credits, "Read also" headlines, bylines, datelines, share buttons), which is not
 * the report's text (src/extract/furniture.ts).
 */
import { z } from 'zod';

const phrases = z.array(z.string().trim().min(1, 'a phrase cannot be empty')).default([]);

export const FurnitureRules = z.object({
  /** a line beginning with one of these is a caption ("Photo:", "صورة:") */
  captionLabels: phrases,
  /** credit words: a line ending in a parenthesised credit naming one is a caption ("(AFP)", "(AP Photo/File)") */
  credits: phrases,
  /** a line beginning with one of these is another story's headline or a list of links ("Read also", "اقرأ أيضاً", "Related:") */
  otherStories: phrases,
  /** headings of a list of links that count only standing alone on their line ("Other news", never "Other news agencies said") */
  otherStoryHeadings: phrases,
  /** a line beginning with one of these, with no figure, is a newsletter or sign-up box ("Sign up for our newsletter", "اشترك في النشرة البريدية") */
  newsletters: phrases,
  /** the longest newsletter line, in words */
  maxNewsletterWords: z.number().int().positive().default(30),
  /** the longest line of a list of links (each another story's headline) under an "other stories" label standing alone ("Related", "اقرأ أيضاً") */
  maxLinkWords: z.number().int().positive().default(18),
  /** a line of at least this many words said again later in the page is said once: the later ones are furniture (a caption, a headline repeated) */
  minRepeatWords: z.number().int().positive().default(3),
  /** a short line beginning with one of these is a byline ("By", "بقلم") */
  bylines: phrases,
  /** the longest byline, in words */
  maxBylineWords: z.number().int().positive().default(8),
  /** words of share buttons and page widgets: a line made only of these (and counts, separators) is furniture */
  widgets: phrases,
  /** a line beginning with one of these is page metadata ("Tags:", "الوسوم:") */
  metadata: phrases,
  /** the longest dateline before its dash, in words ("BEIRUT, Nov 13, 2017 (AFP) -") */
  maxDatelineWords: z.number().int().positive().default(8),
  /** dashes that end a dateline */
  datelineDashes: phrases,
  /** marks of an embedded post: a line holding one is the post or its signature, not the report
   *  ("pic.twitter.com/…", "— Name (@handle) November 9, 2021") */
  embeds: phrases,
  /** words that join a photographer to a credit at the end of a caption ("REUTERS/Jane Roe", "AFP via Getty Images") */
  creditJoiners: phrases,
  /** marks that end a sentence: a line with a sentence closed or going on is no byline or dateline */
  sentenceEnds: z.array(z.string().min(1)).default(['.', '!', '?']),
}).prefault({});
export type FurnitureRules = z.infer<typeof FurnitureRules>;
