// A cell's detail: verdict and reason, repetitions, the timeline, metrics, observations, all events.
function openCell(id) {
  var c = BY_ID[id];
  if (!c) return;
  state.cell = id;
  if (location.hash !== '#cell=' + id) history.replaceState(null, '', '#cell=' + encodeURIComponent(id));
  Array.prototype.forEach.call(document.querySelectorAll('button.cell'), function (b) {
    b.classList.toggle('selected', b.getAttribute('data-cell') === id);
  });
  var box = clear(document.getElementById('detail'));
  box.hidden = false;
  box.setAttribute('data-cell', id);
  var sc = scenarioInfo(c.scenario);
  box.appendChild(h('div', { class: 'detail-head' }, [h('h2', { text: c.scenario }),
    h('span', { class: 'muted', text: cellWhere(c) }),
    h('button', { type: 'button', class: 'close', text: 'Close', onclick: closeCell })]));
  if (sc.description) box.appendChild(h('div', { class: 'muted', text: sc.description }));
  box.appendChild(h('p', { class: 'verdict-line' }, [h('span', { class: 'badge v-' + c.verdict, text: c.verdict }),
    ' ', c.key_figure ? h('b', { text: c.key_figure + ' \u00b7 ' }) : null, h('span', { class: 'reason', text: c.reason })]));
  if ((c.repetitions || []).length) {
    box.appendChild(h('div', { class: 'reps' }, [h('span', { class: 'muted', text: c.runs + ' runs' +
      (c.flaky ? ', flaky (the verdict is the majority; the timeline is the median run of it):' : ':') })]
      .concat(c.repetitions.map(function (v, i) {
        return h('span', { class: 'badge v-' + v, title: 'run ' + (i + 1), text: v });
      }))));
  }
  box.appendChild(h('h3', { text: 'Timeline' }));
  box.appendChild(timelineBlock([c], { ids: true }));
  box.appendChild(h('div', { class: 'grid2' }, [keyValues('Metrics', c.metrics, 'metrics'),
    keyValues('Observations', c.observations, 'observations')]));
  box.appendChild(eventTable(c));
  box.appendChild(footer(c));
  box.scrollIntoView({ block: 'start' });
}

// Links to cells, each labelled by its path and profile (the rest of its id is the context's).
function cellLinks(ids) {
  return h('span', { class: 'cell-links' }, ids.map(function (id) {
    var c = BY_ID[id];
    return h('a', { href: '#cell=' + encodeURIComponent(id), class: 'chip', title: id,
      text: c ? c.path + ' \u00b7 ' + c.profile : id, onclick: function (e) {
        e.preventDefault();
        openCell(id);
      } });
  }));
}

function closeCell() {
  state.cell = null;
  history.replaceState(null, '', location.pathname + location.search);
  document.getElementById('detail').hidden = true;
  Array.prototype.forEach.call(document.querySelectorAll('button.cell.selected'), function (b) {
    b.classList.remove('selected');
  });
}

function keyValues(title, map, id) {
  var keys = Object.keys(map || {});
  var t = h('table', { class: 'plain', id: id });
  var b = h('tbody');
  keys.forEach(function (k) {
    var v = map[k];
    b.appendChild(h('tr', {}, [h('td', { class: 'mono', text: k }),
      h('td', {}, [isHistogram(v) ? histogram(v) : fmtValue(k, v)])]));
  });
  if (!keys.length) b.appendChild(h('tr', {}, [h('td', { class: 'muted', text: 'none' })]));
  t.appendChild(b);
  return h('div', {}, [h('h3', { text: title }), t]);
}

// A map of numeric buckets to counts ("ms after the fault" -> attempts), as the reconnect storm records.
function isHistogram(v) {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  var keys = Object.keys(v);
  return keys.length > 1 && keys.every(function (k) { return /^\d+$/.test(k) && typeof v[k] === 'number'; });
}

// Bars on a shared time axis (bucket starts in ms), tallest bar = the busiest bucket.
function histogram(v) {
  var keys = Object.keys(v).map(Number).sort(function (a, b) { return a - b; });
  var max = Math.max.apply(null, keys.map(function (k) { return v[k]; }));
  var width = 8, height = 70, step = keys.length > 1 ? keys[1] - keys[0] : 100;
  var span = keys[keys.length - 1] - keys[0] + step;
  var w = Math.max(120, Math.round(span / step) * width);
  var svg = s('svg', { width: w, height: height + 14, class: 'histogram', role: 'img',
    'aria-label': 'histogram' });
  keys.forEach(function (k) {
    var bh = Math.max(1, Math.round(v[k] / max * height));
    var x = Math.round((k - keys[0]) / step) * width;
    svg.appendChild(s('rect', { x: x, y: height - bh, width: width - 1, height: bh, fill: '#2563eb' },
      [s('title', { text: k + ' ms: ' + v[k] })]));
  });
  svg.appendChild(s('text', { x: 0, y: height + 12, 'font-size': 10, text: keys[0] + ' ms' }));
  svg.appendChild(s('text', { x: w, y: height + 12, 'font-size': 10, 'text-anchor': 'end',
    text: (keys[keys.length - 1] + step) + ' ms' }));
  return h('div', {}, [svg, h('div', { class: 'muted', text: 'max ' + max + ' per ' + step + ' ms bucket' })]);
}

function eventTable(c) {
  var tl = c.timeline || [];
  var t = h('table', { class: 'plain events' }, [h('thead', {}, [h('tr', {}, ['ms from t0', 'source', 'event', 'fields']
    .map(function (x) { return h('th', { text: x }); }))])]);
  var b = h('tbody');
  tl.forEach(function (e) {
    b.appendChild(h('tr', {}, [h('td', { class: 'num', text: e.ms.toFixed(1) }), h('td', { text: e.source }),
      h('td', { text: e.ev }), h('td', { text: fieldText(e.fields) })]));
  });
  t.appendChild(b);
  return h('details', {}, [h('summary', { text: 'All ' + tl.length + ' events as a table' }), t]);
}

function fieldText(fields) {
  return Object.keys(fields || {}).map(function (k) {
    var v = fields[k];
    return k + '=' + (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v));
  }).join(' ');
}

function footer(c) {
  var t = c.timings || {};
  var parts = [];
  if (c.logs) parts.push('Process logs: ', h('a', { href: c.logs + '/', text: c.logs }), ' \u00b7 ');
  parts.push('cell id ', h('code', { text: c.id }));
  if (typeof t.wall_ms === 'number') parts.push(' \u00b7 harness time ' + fmtDuration(t.wall_ms));
  if (typeof t.overhead_ms === 'number') parts.push(', of it process start and teardown ' + fmtDuration(t.overhead_ms));
  return h('p', { class: 'hint' }, parts);
}
