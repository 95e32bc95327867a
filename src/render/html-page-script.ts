/**
 * The HTML report's only script, inlined and allowed by its hash in the page's CSP: sorts and
 * filters the incident index and opens one incident at a time (from the URL fragment), and
 * copies a "copy decision" snippet to the clipboard (or, when the clipboard is refused or
 * missing, shows its textarea selected for the reader to copy). It moves and hides existing
 * elements and sets textContent; it never parses markup.
 */

export const PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var doc = document;

  function say(menu, text) { var st = menu.querySelector('.copy-status'); if (st) st.textContent = text; }
  function showToCopy(area, menu) {
    area.classList.add('shown');
    area.focus();
    area.select();
    say(menu, 'Copy the selected decision (Ctrl+C or Cmd+C) and paste it into the decisions file.');
  }
  doc.addEventListener('click', function (e) {
    var t = e.target;
    var button = t && t.closest ? t.closest('.copy-decision button.copy') : null;
    if (!button) return;
    var menu = button.closest('.copy-decision');
    var area = button.parentNode.querySelector('textarea.snippet');
    if (!menu || !area) return;
    var clip = navigator.clipboard;
    if (!clip || !clip.writeText) { showToCopy(area, menu); return; }
    clip.writeText(area.value).then(function () {
      area.classList.remove('shown');
      say(menu, 'Copied "' + button.textContent + '": paste it into the decisions file and fill in who, when and why.');
    }, function () { showToCopy(area, menu); });
  });

  var table = doc.getElementById('incident-index');
  if (!table) return;
  doc.documentElement.classList.add('js');
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var articles = Array.prototype.slice.call(doc.querySelectorAll('article.incident'));
  var count = doc.getElementById('index-count');
  var form = doc.getElementById('filters');
  var numeric = { spread: true, reports: true, 'grade-rank': true, contested: true };
  var descendingFirst = { spread: true, reports: true, contested: true };
  var state = { key: 'date', dir: 1 };

  var hint = doc.createElement('p');
  hint.id = 'pick-hint';
  hint.className = 'hint';
  hint.textContent = 'Choose an incident in the index to see its figures, stances and disagreements.';
  var list = doc.getElementById('incidents');
  if (list) list.insertBefore(hint, list.firstChild);

  function data(row, key) { return row.getAttribute('data-' + key) || ''; }
  function compare(a, b) {
    var x = data(a, state.key), y = data(b, state.key);
    if (x === '' && y !== '') return 1;
    if (y === '' && x !== '') return -1;
    var c = numeric[state.key] ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (c === 0) c = data(a, 'date') < data(b, 'date') ? -1 : data(a, 'date') > data(b, 'date') ? 1 : 0;
    if (c === 0) c = data(a, 'id') < data(b, 'id') ? -1 : 1;
    return c * state.dir;
  }
  function sortRows() {
    rows.slice().sort(compare).forEach(function (r) { tbody.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var key = th.getAttribute('data-sort');
      if (key === state.key) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
  }
  function value(id) { var el = doc.getElementById(id); return el ? el.value : ''; }
  function matches(row) {
    var from = value('f-from'), to = value('f-to'), gov = value('f-governorate'), grade = value('f-grade');
    var spread = value('f-spread'), contested = doc.getElementById('f-contested');
    var start = data(row, 'date'), end = data(row, 'date-end');
    if ((from || to) && !start) return false;
    if (from && end < from) return false;
    if (to && start > to) return false;
    if (gov && data(row, 'governorates').split(' ').indexOf(gov) < 0) return false;
    if (grade && data(row, 'grade') !== grade) return false;
    if (spread !== '' && Number(data(row, 'spread')) < Number(spread)) return false;
    if (contested && contested.checked && data(row, 'contested') !== '1') return false;
    return true;
  }
  function filterRows() {
    var shown = 0;
    rows.forEach(function (r) { var ok = matches(r); r.hidden = !ok; if (ok) shown++; });
    if (count) count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' incident(s).';
  }
  function route() {
    var id = '';
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = ''; }
    var all = id === 'all';
    var open = null;
    articles.forEach(function (a) {
      var on = all || a.id === id;
      a.hidden = !on;
      if (on && !all) open = a;
    });
    rows.forEach(function (r) {
      if (data(r, 'id') === id) { r.classList.add('selected'); r.setAttribute('aria-current', 'true'); }
      else { r.classList.remove('selected'); r.removeAttribute('aria-current'); }
    });
    hint.hidden = all || open !== null;
    if (open) open.scrollIntoView();
  }

  table.tHead.addEventListener('click', function (e) {
    var t = e.target;
    var button = t && t.closest ? t.closest('button[data-sort-key]') : null;
    if (!button) return;
    var key = button.getAttribute('data-sort-key');
    if (state.key === key) state.dir = -state.dir;
    else { state.key = key; state.dir = descendingFirst[key] ? -1 : 1; }
    sortRows();
  });
  if (form) {
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('input', filterRows);
    form.addEventListener('change', filterRows);
    form.addEventListener('reset', function () { setTimeout(filterRows, 0); });
  }
  window.addEventListener('hashchange', route);
  window.addEventListener('beforeprint', function () {
    var visible = Object.create(null);
    rows.forEach(function (r) { if (!r.hidden) visible[data(r, 'id')] = true; });
    articles.forEach(function (a) { a.hidden = !visible[a.id]; });
    hint.hidden = true;
  });
  window.addEventListener('afterprint', route);
  filterRows();
  route();
})();
`;
