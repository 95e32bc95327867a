/**
 * The review page's only script, inlined and allowed by its hash in the page's CSP. A form
 * (`form.decide`) is posted as one decision: its `data-base` plus what the reviewer filled
 * in, and the reviewer's name (remembered in this browser); the page then reloads with the store's new state and puts the
 * focus back where the reviewer was. Keyboard shortcuts move through the queue. It reads
 * form values and sets textContent; it never parses or writes markup.
 */

export const REVIEW_SCRIPT = String.raw`(function () {
  'use strict';
  var doc = document;
  var token = new URLSearchParams(location.search).get('token') || '';
  var status = doc.getElementById('status');
  var FOCUS = 'reconcile-review-focus';

  function say(text) { if (status) status.textContent = text; }

  function put(target, path, value, list) {
    var keys = path.split('.');
    var at = target;
    for (var i = 0; i < keys.length - 1; i++) { at[keys[i]] = at[keys[i]] || {}; at = at[keys[i]]; }
    var last = keys[keys.length - 1];
    if (list) { at[last] = at[last] || []; at[last].push(value); } else at[last] = value;
  }

  function fieldValue(el) {
    if (el.hasAttribute('data-json')) return JSON.parse(el.value);
    if (el.type === 'number') return Number(el.value);
    return el.value.trim();
  }

  function decisionOf(form) {
    var d = JSON.parse(form.getAttribute('data-base'));
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === 'submit' || el.tagName === 'BUTTON' || el.tagName === 'FIELDSET') return;
      if (el.type === 'checkbox' && !el.checked) return;
      if (el.value.trim() === '') return;
      put(d, el.name, fieldValue(el), el.hasAttribute('data-list'));
    });
    var who = doc.getElementById('who');
    d.who = who ? who.value.trim() : '';
    return d;
  }

  function rememberFocus(form) {
    var item = form.closest('.queue-item');
    sessionStorage.setItem(FOCUS, item ? 'rank:' + item.getAttribute('data-rank') : 'id:' + form.id);
  }

  function restoreFocus() {
    var saved = sessionStorage.getItem(FOCUS);
    sessionStorage.removeItem(FOCUS);
    if (!saved) return;
    var el = null;
    if (saved.indexOf('rank:') === 0) {
      var items = doc.querySelectorAll('.queue-item');
      el = doc.querySelector('.queue-item[data-rank="' + saved.slice(5).replace(/[^0-9]/g, '') + '"]') || items[items.length - 1] || null;
    } else el = doc.getElementById(saved.slice(3));
    if (el && el.matches('form')) el = el.querySelector('button, select, input:not([type="hidden"])');
    var target = el || status;
    if (!target.hasAttribute('tabindex') && !target.matches('a, button, input, select, textarea')) target.setAttribute('tabindex', '-1');
    target.focus();
    say(sessionStorage.getItem(FOCUS + ':said') || '');
    sessionStorage.removeItem(FOCUS + ':said');
  }

  function post(form) {
    var d = decisionOf(form);
    if (!d.who) { say('Type your name as reviewer first.'); doc.getElementById('who').focus(); return; }
    say('Saving…');
    fetch('/decisions', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Reconcile-Token': token },
      body: JSON.stringify(d)
    }).then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        if (!r.ok) { say('Not saved: ' + (r.body.problems || [r.body.error || 'refused']).join('; ')); return; }
        rememberFocus(form);
        localStorage.setItem('reconcile-review-who', d.who);
        sessionStorage.setItem(FOCUS + ':said', 'Saved decision ' + r.body.id + ' (' + d.kind + ').');
        location.reload();
      }, function (e) { say('Not saved: ' + e.message); });
  }

  doc.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.matches || !form.matches('form.decide')) return;
    e.preventDefault();
    post(form);
  });

  var current = null;
  function items() { return Array.prototype.slice.call(doc.querySelectorAll('.queue-item')); }
  function currentItem() {
    var here = doc.activeElement && doc.activeElement.closest ? doc.activeElement.closest('.queue-item') : null;
    return here || current || items()[0] || null;
  }
  function show(el) { if (!el) return; current = el.closest('.queue-item') || current; el.focus(); el.scrollIntoView({ block: 'center' }); }
  function move(step) {
    var all = items();
    var k = all.indexOf(currentItem());
    show(all[Math.max(0, Math.min(all.length - 1, k + step))]);
  }
  function incidentOfFocus() {
    var item = currentItem();
    var here = doc.activeElement && doc.activeElement.closest ? doc.activeElement.closest('.review-incident') : null;
    if (here) return here;
    var id = item ? item.getAttribute('data-incident') : null;
    var art = id ? doc.getElementById(id) : null;
    return art ? art.closest('.review-incident') : null;
  }
  function inItem(selector) { var item = currentItem(); return item ? item.querySelector(selector) : null; }
  function inIncident(selector) { var inc = incidentOfFocus(); return inc ? inc.querySelector(selector) : null; }

  var keys = {
    j: function () { move(1); },
    k: function () { move(-1); },
    a: function () { var f = inItem('form.accept'); if (f) f.requestSubmit(); },
    r: function () { show(inItem('form.reject input[name="why"]')); },
    c: function () { var d = inItem('form.correct details'); if (d) { d.open = true; show(d.querySelector('input')); } },
    o: function () { var item = currentItem(); var art = item && doc.getElementById(item.getAttribute('data-incident')); if (art) { art.setAttribute('tabindex', '-1'); show(art); } },
    m: function () { show(inIncident('form.merge select')); },
    s: function () { show(inIncident('form.split input[type="checkbox"]')); },
    '?': function () { show(doc.getElementById('keys')); }
  };
  doc.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    var f = Object.prototype.hasOwnProperty.call(keys, e.key) ? keys[e.key] : null;
    if (!f) return;
    e.preventDefault();
    f();
  });
  var who = doc.getElementById('who');
  var WHO = 'reconcile-review-who';
  if (who) {
    if (localStorage.getItem(WHO)) who.value = localStorage.getItem(WHO);
    who.addEventListener('change', function () { localStorage.setItem(WHO, who.value.trim()); });
  }
  restoreFocus();
})();
`;
