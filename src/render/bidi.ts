/**
 * Untrusted report text made safe to show, shared by the HTML, CSV and terminal renderers:
 * control characters and bidi embeddings, overrides and isolates neutralised, and for
 * terminals, right-to-left runs isolated so Arabic reads right to left in place.
 */

/** Every bidi control: the marks (U+200E, U+200F, U+061C), embeddings, overrides and isolates
 *  (U+202A–U+202E, U+2066–U+2069): text that displays otherwise than it is. Removed from
 *  report text; the renderers add their own isolation. */
export const BIDI_CONTROLS = /\p{Bidi_Control}/gu;
const LINE_BREAKS = /\r\n|[\r\n\t\u2028\u2029\u0085]/g;
/** C0 and C1 controls and DEL (ANSI escape sequences start with one). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** One line of plain text: bidi controls removed, line breaks and tabs as spaces, other
 *  control characters shown as U+FFFD (visible, and neutral for the bidi algorithm). */
export const cleanText = (s: string): string =>
  s.replace(BIDI_CONTROLS, '').replace(LINE_BREAKS, ' ').replace(CONTROLS, '\ufffd');

const RTL_SCRIPTS = '\\p{Script=Arabic}\\p{Script=Hebrew}\\p{Script=Syriac}\\p{Script=Thaana}\\p{Script=Nko}';
/** A letter of a right-to-left script (a strong R or AL character). */
const RTL_LETTER = `(?:(?=\\p{L})[${RTL_SCRIPTS}])`;
/** Anything but a left-to-right letter. */
const NOT_LTR_LETTER = `[\\P{L}${RTL_SCRIPTS}]`;

const HAS_RTL = new RegExp(RTL_LETTER, 'u');
/** The first strong letter, either direction. */
const FIRST_STRONG = /\p{L}/u;
/** From a right-to-left letter to the last one before a left-to-right letter. */
const RTL_RUN = new RegExp(`${RTL_LETTER}(?:${NOT_LTR_LETTER}*${RTL_LETTER})?`, 'gu');
/** Decimal digits of any script, with separators inside a number: the full stop, the comma, or a
 *  punctuation mark of a right-to-left script (the Arabic decimal and thousands separators). */
const NUMBER = new RegExp(`\\p{Nd}+(?:(?:[.,]|(?=[${RTL_SCRIPTS}])\\p{Po})\\p{Nd}+)*`, 'gu');

export const RLI = '\u2067';
export const LRI = '\u2066';
export const PDI = '\u2069';

/** True when the text has a letter of a right-to-left script. */
export const hasRtl = (s: string): boolean => HAS_RTL.test(s);

const isolateRun = (run: string): string => `${RLI}${run.replace(NUMBER, (n) => `${LRI}${n}${PDI}`)}${PDI}`;

/**
 * Report text for a terminal line: cleaned (cleanText), then every right-to-left run wrapped
 * in RLI … PDI, numbers inside it in LRI … PDI, so a terminal that implements the bidi
 * algorithm shows Arabic right to left without moving the figures or the text around it.
 * Text whose first letter is right-to-left is isolated whole.
 */
export const terminalText = (s: string): string => {
  const clean = cleanText(s);
  if (!hasRtl(clean)) return clean;
  const first = FIRST_STRONG.exec(clean)?.[0] ?? '';
  return hasRtl(first) ? isolateRun(clean) : clean.replace(RTL_RUN, isolateRun);
};
