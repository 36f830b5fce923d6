// Filters, search and the per-article view; their state lives in the URL's hash
// ("#severity=error&q=juta&finding=f-…"), so a link reopens the same view.
// Reads only the page's own data attributes; nothing from the corpus is in this script.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var fields = Array.prototype.slice.call(form.querySelectorAll('[data-filter]'));
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.group'));
  var charts = Array.prototype.slice.call(document.querySelectorAll('.chart-box'));
  var marks = Array.prototype.slice.call(document.querySelectorAll('svg.chart [data-articles]'));
  var views = Array.prototype.slice.call(document.querySelectorAll('section.article-view'));
  var texts = findings.map(function (f) {
    var parts = Array.prototype.map.call(f.querySelectorAll('.searchable'), function (s) { return s.textContent; });
    return parts.join(' ').toLowerCase().replace(/\s+/g, ' ');
  });
  var articlesOf = findings.map(function (f) { return JSON.parse(f.dataset.articles); });

  function state() {
    var s = {};
    fields.forEach(function (el) { if (el.value.trim()) { s[el.dataset.filter] = el.value.trim(); } });
    return s;
  }

  function encode(s, finding) {
    var params = new URLSearchParams();
    Object.keys(s).sort().forEach(function (k) { params.set(k, s[k]); });
    if (finding) { params.set('finding', finding); }
    return params.toString();
  }

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }

  // Sets the fields from the hash; returns the finding it points at, if any.
  function readHash() {
    var hash = location.hash.slice(1);
    if (hash.indexOf('=') < 0) { return hash; }
    var params = new URLSearchParams(hash);
    fields.forEach(function (el) {
      var value = params.get(el.dataset.filter) || '';
      if (el.tagName === 'SELECT' && !hasOption(el, value)) { value = ''; }
      el.value = value;
    });
    return params.get('finding') || '';
  }

  function writeHash(text) {
    try {
      history.replaceState(null, '', '#' + text);
    } catch (error) {
      // a browser that refuses history on file: pages keeps the filters, just not in the address
    }
  }

  function apply(write) {
    var s = state();
    var words = (s.q || '').toLowerCase().split(/\s+/).filter(Boolean);
    var visible = {};
    var shown = 0;
    findings.forEach(function (f, i) {
      var ok = (!s.severity || f.dataset.severity === s.severity) &&
               (!s.kind || f.dataset.kind === s.kind) &&
               (!s.entity || f.dataset.entity === s.entity) &&
               (!s.article || articlesOf[i].indexOf(s.article) >= 0) &&
               words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      f.hidden = !ok;
      if (ok) { visible[f.id] = true; shown += 1; }
      var link = f.querySelector('.permalink');
      if (link) { link.setAttribute('href', '#' + encode(s, f.id)); }
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector('.finding:not([hidden])'); });
    charts.forEach(function (c) {
      c.hidden = !c.dataset.findings.split(' ').some(function (id) { return visible[id]; });
    });
    marks.forEach(function (m) {
      var dim = Boolean(s.article) && JSON.parse(m.dataset.articles).indexOf(s.article) < 0;
      m.classList.toggle('dim', dim);
    });
    views.forEach(function (v) { v.hidden = v.dataset.article !== s.article; });
    document.getElementById('shown').textContent = String(shown);
    document.getElementById('none').hidden = shown > 0;
    if (write) { writeHash(encode(s)); }
  }

  function go(anchor) {
    document.querySelectorAll('.finding.current').forEach(function (f) { f.classList.remove('current'); });
    var target = anchor ? document.getElementById(anchor) : null;
    if (target && target.classList.contains('finding')) {
      if (target.hidden) {  // a bare link to a finding the filters hide: show everything
        fields.forEach(function (el) { el.value = ''; });
        apply(false);
      }
      target.classList.add('current');
      target.scrollIntoView({block: 'start'});
      return;
    }
    var view = views.filter(function (v) { return !v.hidden; })[0];
    if (view) { view.scrollIntoView({block: 'start'}); }
  }

  // A finding's rule explanation is written once, in the rules section; opening it copies it in.
  document.addEventListener('click', function (event) {
    var summary = event.target.closest ? event.target.closest('details.rule-doc > summary') : null;
    if (!summary || summary.parentNode.dataset.filled) { return; }
    var details = summary.parentNode;
    var entry = document.getElementById('rule-' + details.dataset.rule);
    var source = entry ? entry.querySelector('.doc-body') : null;
    if (source) {
      details.replaceChild(source.cloneNode(true), details.querySelector('.doc-body'));
      details.dataset.filled = '1';
    }
  });

  fields.forEach(function (el) {
    el.addEventListener(el.tagName === 'SELECT' ? 'change' : 'input', function () { apply(true); });
  });
  document.getElementById('clear').addEventListener('click', function () {
    fields.forEach(function (el) { el.value = ''; });
    apply(true);
  });
  window.addEventListener('hashchange', function () {
    var anchor = readHash();
    apply(false);
    go(anchor);
  });
  var first = readHash();
  apply(false);
  if (location.hash.length > 1) { go(first); }
})();
