/**
 * Text from reports reaches terminals: neutralise control characters (escape sequences)
 * and bidirectional overrides (text that displays differently from what it is) before
 * printing. JSON output is escaped without changing what it means.
 */

// C0 and C1 controls, DEL, every bidi control (Unicode's Bidi_Control: the marks, embeddings,
// overrides and isolates), line/paragraph separators.
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;
const UNSAFE_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Bidi_Control}\u2028\u2029]/gu;

const UNSAFE_IN_JSON = /[\u007f-\u009f\p{Bidi_Control}\u2028\u2029]/gu;

/** `replace` copies even a string with nothing to replace (a 180 MB output twice over): look first. */
const replaceIfAny = (text: string, unsafe: RegExp): string => {
  unsafe.lastIndex = 0;
  const any = unsafe.test(text);
  unsafe.lastIndex = 0;
  return any ? text.replace(unsafe, hex) : text;
};

const hex = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One terminal line: every unsafe character, newlines included, shown as a \uXXXX escape. */
export const safeLine = (text: string): string => text.replace(UNSAFE, hex);

/** Multi-line text for a terminal (rendered markdown): newlines and tabs kept, other unsafe characters escaped. */
export const safeText = (text: string): string => replaceIfAny(text, UNSAFE_KEEP_LINES);

/** Serialised JSON with the unsafe characters JSON.stringify leaves raw written as \uXXXX (same JSON value). */
export const safeJson = (json: string): string => replaceIfAny(json, UNSAFE_IN_JSON);
