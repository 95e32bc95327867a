/**
 * The HTML report's stylesheet, inlined and allowed by its hash in the page's CSP. System
 * fonts only (nothing is fetched); disagreements and contested attribution stand out; the
 * print rules drop the controls and print every incident the index shows.
 */

export const PAGE_STYLE = String.raw`
:root { --ink: #1d232b; --muted: #5b6570; --line: #d5dae0; --bg: #fff; --band: #cfe3f7; --band-edge: #6b9fd1;
  --mark: #1f5f99; --best: #b3261e; --warn: #fff4e0; --warn-edge: #d98a00; --derived: #6d5a9c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: var(--ink); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", "Noto Sans Arabic", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
small, .muted { color: var(--muted); }
code { font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: start; vertical-align: top; }
thead th { background: #f3f5f7; font-weight: 600; }
td.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
.quote-cell { max-width: 30rem; overflow-wrap: anywhere; }
.report, .facts dd, .disagreement, #warnings li { overflow-wrap: anywhere; }
.quote { font-size: 1.05em; }
[lang="ar"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Geeza Pro", "Arial", sans-serif; font-size: 1.1em; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0; padding: .6rem .8rem;
  background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; }
.filters label { display: flex; gap: .35rem; align-items: center; }
.index th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
.index th[aria-sort="ascending"] button::after { content: " ▲"; font-size: .75em; }
.index th[aria-sort="descending"] button::after { content: " ▼"; font-size: .75em; }
.index tr.selected td { background: #eaf2fb; }
.index a.open { font-weight: 600; }
.index td.num small { white-space: normal; }
.index .day { white-space: nowrap; }
.index td:nth-child(2) { min-width: 9rem; }
#f-spread { width: 5rem; }
.grade { display: inline-block; padding: 0 .45rem; border-radius: 1rem; font-size: .8rem; font-weight: 600; border: 1px solid; }
.grade-contested { color: #8a1c13; background: #fde8e6; }
.grade-confirmed { color: #1d5c2a; background: #e5f4e8; }
.grade-fair { color: #24507a; background: #e6f0fa; }
.grade-weak { color: #555; background: #f0f0f0; }
.flag { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .8rem; font-weight: 600;
  color: #7a4a00; background: var(--warn); border: 1px solid var(--warn-edge); }
.incident { border-top: 3px solid var(--ink); margin-top: 2rem; padding-top: .2rem; }
.incident-id { margin: 0; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.reports { margin: 0; padding-inline-start: 1.1rem; }
.disagreements.any { background: var(--warn); border-inline-start: 5px solid var(--warn-edge); padding: .3rem .9rem .5rem; border-radius: 4px; }
.disagreements ul { margin: .2rem 0; padding-inline-start: 1.1rem; }
.toll { margin: 1rem 0 1.4rem; }
.toll.disputed { border-inline-start: 5px solid var(--warn-edge); padding-inline-start: .7rem; }
.toll figcaption { display: flex; flex-wrap: wrap; gap: .3rem .8rem; align-items: baseline; margin-bottom: .2rem; }
.toll .category { font-weight: 600; }
.tag { font-size: .8rem; color: var(--derived); border: 1px dashed var(--derived); padding: 0 .35rem; border-radius: 3px; }
.derived-note { color: var(--derived); }
svg.chart { display: block; max-width: 100%; height: auto; overflow: visible; }
.chart text { font-size: 12px; fill: var(--ink); }
.chart .label { fill: var(--muted); }
.chart .lane { stroke: #eef0f2; }
.chart .band { fill: var(--band); stroke: var(--band-edge); stroke-width: 1; }
.chart .band.open { stroke-dasharray: 4 3; fill-opacity: .6; }
.chart .band.derived { fill: #ece6f6; stroke: var(--derived); stroke-dasharray: 4 3; }
.chart .best line { stroke: var(--best); stroke-width: 2.5; }
.chart .best text { fill: var(--best); font-size: 11px; font-weight: 600; }
.chart .mark .dot { fill: var(--mark); stroke: #fff; stroke-width: 1.5; }
.chart .mark.derived .dot { fill: #fff; stroke: var(--derived); stroke-width: 2; stroke-dasharray: 3 2; }
.chart .mark .bound { fill: none; stroke: var(--mark); stroke-width: 1.5; }
.chart .mark .about { fill: none; stroke: var(--mark); stroke-dasharray: 2 2; }
.chart .value { font-weight: 600; }
.chart .axis line, .chart .axis .break { stroke: var(--muted); fill: none; }
.chart .axis text { fill: var(--muted); font-size: 11px; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; color: var(--muted); font-size: .85rem; margin: .3rem 0 1rem; }
table.stances { width: auto; min-width: 50%; }
.index { font-size: .92rem; }
.index td small { display: block; }
.index { table-layout: auto; }
.stances td.contested, .stances th.contested, .stance-quotes tr.contested td { background: #fdf1ef; }
.stance { font-weight: 600; }
.stance-denies { color: #8a1c13; }
.stance-asserts, .stance-acknowledges { color: #1d5c2a; }
.stance-likely, .stance-possible { color: #24507a; }
.copy-decision summary { cursor: pointer; color: var(--muted); font-size: .85rem; white-space: nowrap; }
.copy-decision ul { list-style: none; margin: .2rem 0; padding: 0; }
.copy-decision li { margin: .15rem 0; }
.copy-decision button { font: inherit; font-size: .85rem; cursor: pointer; }
.copy-decision textarea { display: block; width: 100%; min-width: 22rem; font: .8rem/1.3 ui-monospace, "DejaVu Sans Mono", monospace; }
.js .copy-decision textarea:not(.shown) { display: none; }
.copy-status { margin: 0; font-size: .85rem; color: var(--muted); }
.hint { color: var(--muted); font-style: italic; }
.show-all { margin: 0; }
html:not(.js) .show-all { display: none; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .index { font-size: 8.5pt; }
  th, td { padding: .2rem .3rem; }
  .filters, .show-all, .hint, .copy-decision, td.decide, th.decide, .index th button::after, .incident-id .back { display: none !important; }
  .index th button { pointer-events: none; }
  .incident { break-before: page; border-top: 0; }
  .toll, tr, .disagreements { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
