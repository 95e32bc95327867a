/**
 * The review page's stylesheet: the HTML report's (html-style.ts) and the controls', inlined
 * and allowed by its hash in the page's CSP. Focus is always visible: the page is meant to
 * be worked with the keyboard.
 */
import { PAGE_STYLE } from './html-style.js';

export const REVIEW_STYLE = `${PAGE_STYLE}
:focus-visible, .queue-item:focus, article.incident:focus, #keys:focus { outline: 3px solid #1f5f99; outline-offset: 2px; }
button, select, input { font: inherit; }
button { padding: .15rem .7rem; border: 1px solid #1f5f99; border-radius: 4px; background: #eaf2fb; color: #12385c; cursor: pointer; }
button.reject { border-color: #8a1c13; background: #fde8e6; color: #8a1c13; }
button.accept { border-color: #1d5c2a; background: #e5f4e8; color: #1d5c2a; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
#keys dl { display: grid; grid-template-columns: repeat(2, max-content 1fr); gap: .1rem 1rem; margin: .2rem 0; }
#keys dd { margin: 0; }
kbd { font: .85em ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 .3rem; background: #f6f8fa; }
#status { min-height: 1.5em; font-weight: 600; }
.queue { padding-inline-start: 0; list-style: none; }
.queue-item { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; margin: .5rem 0; }
.queue-item p { margin: .2rem 0; }
.queue-item blockquote, .claim-item blockquote { margin: .2rem 0 .3rem 1rem; overflow-wrap: anywhere; }
.risk { font-variant-numeric: tabular-nums; color: var(--muted); }
.reasons { margin: .2rem 0; font-size: .92rem; }
.claim-controls { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: start; }
.claim-controls form, .incident-forms form { margin: 0; }
.claim-controls details { display: inline-block; }
.claim-controls details[open] { display: block; padding: .3rem .6rem; border: 1px dashed var(--line); }
.claim-controls label, fieldset label { margin-inline-end: .6rem; }
.why input { width: 16rem; max-width: 100%; }
.review-controls { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: .3rem .9rem .7rem; margin: .8rem 0 1.5rem; }
.claim-list { padding-inline-start: 1rem; }
.claim-item { margin: .5rem 0; }
.incident-forms { display: grid; gap: .6rem; }
fieldset { border: 1px solid var(--line); border-radius: 4px; min-width: 0; display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; }
select { max-width: 100%; }
.incident-forms select[name="members"] { width: 40rem; }
.member { display: inline-block; }
#decisions .status-stale, #decisions .status-conflict { color: #8a1c13; }
`;
