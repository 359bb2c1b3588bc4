// The run header: when, where, which seed, verdict counts; then stacks, scaled timings and scenarios.
function renderHeader() {
  var run = DATA.run || {};
  var host = run.host || {};
  var head = clear(document.getElementById('run'));
  var started = Date.parse(run.start), ended = Date.parse(run.end);
  var took = isNaN(started) || isNaN(ended) ? '' : ' (' + fmtDuration(ended - started) + ')';
  var hostText = Object.keys(host).map(function (k) { return k + ' ' + host[k]; }).join(', ');
  head.appendChild(h('h1', { text: 'wsbed report' }));
  head.appendChild(h('div', { class: 'run-meta' }, [
    'Run ', h('b', { text: run.id }), ' \u00b7 ', h('b', { text: run.start }), ' \u2192 ', run.end + took,
    ' \u00b7 seed ', h('b', { id: 'seed', text: String(run.seed) }),
    ' (re-run: ', h('code', { text: '-Dwsbed.seed=' + run.seed }), ')',
    ' \u00b7 infra ', h('b', { text: run.infra }), ' \u00b7 host: ', hostText
  ]));
  var merged = SELECTION.merged_from;
  if (Array.isArray(merged)) {
    head.appendChild(h('div', { class: 'run-meta' }, ['Merged from ' + merged.length + ' runs: ' + merged.map(function (m) {
      return m.id + ' (seed ' + m.seed + ', ' + m.cells + ' cells)';
    }).join(', ')]));
  }
  head.appendChild(h('div', { class: 'timings', id: 'versions' }, [h('span', { class: 'muted', text: 'Stacks:' })]
    .concat((DATA.stacks || []).map(function (st) {
      return h('span', { class: 'chip', title: st.name }, [h('span', { class: 'swatch', style: 'background:'
        + stackColour(st.id) }), h('b', { text: st.id }), ' ' + st.version]);
    }))));
  var timings = run.timings || {};
  head.appendChild(h('div', { class: 'timings', id: 'timings', style: 'margin-top:4px' }, [h('span', { class: 'muted',
    text: 'Scaled timings:' })].concat(Object.keys(timings).map(function (k) {
    return h('span', { class: 'chip mono', text: k + ' ' + timings[k] });
  }))));
  head.appendChild(counts());
  renderAbout();
}

function counts() {
  var n = {};
  CELLS.forEach(function (c) { n[c.verdict] = (n[c.verdict] || 0) + 1; });
  var box = h('div', { class: 'counts' }, [h('span', { class: 'chip', text: CELLS.length + ' cells' })]);
  VERDICTS.forEach(function (v) {
    if (n[v]) box.appendChild(h('span', { class: 'badge v-' + v, title: VERDICT_MEANING[v], text: n[v] + ' ' + v }));
  });
  var flaky = CELLS.filter(function (c) { return c.flaky; }).length;
  if (flaky) box.appendChild(h('span', { class: 'chip', text: '\u2691 ' + flaky + ' flaky' }));
  var repeated = CELLS.filter(function (c) { return (c.runs || 1) > 1; }).length;
  if (repeated) box.appendChild(h('span', { class: 'chip', text: repeated + ' cells repeated' }));
  return box;
}

function renderAbout() {
  var about = clear(document.getElementById('about'));
  var stacks = h('table', { class: 'plain' }, [h('thead', {}, [h('tr', {}, ['stack', 'library', 'version', 'roles',
    'heartbeat profile', 'send API'].map(function (t) { return h('th', { text: t }); }))])]);
  var body = h('tbody');
  (DATA.stacks || []).forEach(function (st) {
    body.appendChild(h('tr', {}, [h('td', {}, [h('span', { class: 'swatch', style: 'background:' + stackColour(st.id) }),
      h('b', { text: st.id })]), h('td', { text: st.name }), h('td', { class: 'mono', text: st.version }),
      h('td', { text: (st.roles || []).join(', ') }), h('td', { class: 'muted', text: st.heartbeat || '' }),
      h('td', { class: 'muted', text: st.send_api || '' })]));
  });
  stacks.appendChild(body);
  var timings = (DATA.run || {}).timings || {};
  var tt = h('table', { class: 'plain' }, [h('thead', {}, [h('tr', {}, [h('th', { text: 'scaled timing' }),
    h('th', { text: 'value' })])])]);
  var tb = h('tbody');
  Object.keys(timings).forEach(function (k) {
    tb.appendChild(h('tr', {}, [h('td', { class: 'mono', text: k }), h('td', { class: 'mono', text: fmtValue(k, timings[k]) })]));
  });
  tt.appendChild(tb);
  var sel = Object.keys(SELECTION).filter(function (k) { return k !== 'merged_from'; }).map(function (k) {
    return h('span', { class: 'chip', text: k + ': ' + SELECTION[k] });
  });
  about.appendChild(h('h2', { text: 'Stacks, timings and scenarios' }));
  about.appendChild(h('div', { class: 'header-grid' }, [h('div', {}, [h('h3', { text: 'Stacks' }), stacks,
    h('h3', { text: 'Selection' }), h('div', { class: 'timings' }, sel)]),
    h('div', {}, [h('h3', { text: 'Scaled timings (every value the run used)' }), tt])]));
  about.appendChild(scenarioTable());
  about.appendChild(predictionTable());
}

// What shared/reference/stacks.md predicts against what this run saw (the run is the authority).
function predictionTable() {
  var checks = DERIVED.predictions || [];
  if (!checks.length) return h('div');
  var t = h('table', { class: 'plain', id: 'predictions' }, [h('thead', {}, [h('tr', {}, ['prediction', 'stacks.md',
    'this run', '', 'measured in'].map(function (x) { return h('th', { text: x }); }))])]);
  var b = h('tbody');
  checks.forEach(function (c) {
    var ok = c.status === 'confirmed';
    b.appendChild(h('tr', {}, [h('td', { class: 'mono', text: c.key }), h('td', { text: c.predicted }),
      h('td', { text: c.observed }), h('td', {}, [h('span', { class: 'badge v-' + (ok ? 'PASS' : 'DEGRADED'),
        text: c.status })]),
      h('td', {}, [h('a', { href: '#cell=' + c.cell, class: 'mono', text: c.cell, onclick: function (e) {
        e.preventDefault();
        openCell(c.cell);
      } })])]));
  });
  t.appendChild(b);
  return h('div', {}, [h('h3', { text: 'Predictions of stacks.md against this run' }), t]);
}

function scenarioTable() {
  var t = h('table', { class: 'plain' }, [h('thead', {}, [h('tr', {}, ['scenario', 'paths', 'stimulus', 'reports']
    .map(function (x) { return h('th', { text: x }); }))])]);
  var b = h('tbody');
  (DATA.scenarios || []).forEach(function (sc) {
    b.appendChild(h('tr', {}, [h('td', {}, [h('b', { text: sc.id })]), h('td', { text: sc.path }),
      h('td', { text: sc.description }), h('td', { class: 'mono', text: (sc.reports || []).join(', ') })]));
  });
  t.appendChild(b);
  return h('div', {}, [h('h3', { text: 'Scenarios' }), t]);
}
