/**
 * Marks the readers write into the text that extraction reads, in place of markup, so that
 * the structure of a page reaches the extractor in any language. They replace characters
 * of the markup itself, so every offset into the page is kept.
 */

/**
 * Opens a caption (`<figcaption>`, `<caption>`): the HTML reader writes it over the opening
 * tag, and page furniture (src/extract/furniture.ts) blanks the line as a caption. Short
 * enough to fit in the shortest caption tag, `<caption>`.
 */
export const CAPTION_MARK = '[fig]';
