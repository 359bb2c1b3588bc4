// Charts of detection, reconnect and reaction times for the selected view: one group of bars per scenario,
// path, profile and metric, one bar per stack, on a log axis (figures span 0.1 ms to the window).
var CHARTS = [
  { id: 'detection', title: 'Detection time', test: /(^|_)detect_ms$/ },
  { id: 'reconnect', title: 'Reconnect time', test: /(^|_)reconnect_ms$/ },
  // Only cells with a capture have one: a missing reaction is not a late one.
  { id: 'reaction', title: 'Reaction time (detection after the first FIN, RST or Close at the socket)',
    test: /(^|_)reaction_ms$/, measuredOnly: true }
];
var CH = { W: 1200, LEFT: 330, RIGHT: 210, BAR: 15, GAP: 10, TOP: 26, AXIS: 26 };

function renderCharts() {
  var box = clear(document.getElementById('charts'));
  var cells = viewCells();
  var against = state.view === 'server' ? 'servers against client ' + state.client
    : 'clients against server ' + state.server;
  var drawn = 0;
  CHARTS.forEach(function (chart) {
    var groups = chartGroups(cells, chart.test, chart.measuredOnly);
    if (!groups.length) return;
    drawn++;
    box.appendChild(h('div', { class: 'chart', id: 'chart-' + chart.id }, [
      h('h3', { text: chart.title + ' \u2014 ' + against + (state.profile === 'all' ? '' : ', ' + state.profile)
        + (state.path === 'all' ? '' : ', ' + state.path) }),
      drawChart(groups)]));
  });
  var stacks = unique(cells.map(columnOf)).sort(STACK_ORDER);
  if (drawn) {
    box.appendChild(h('div', { class: 'stack-legend' }, stacks.map(function (id) {
      return h('span', {}, [h('span', { class: 'swatch', style: 'background:' + stackColour(id) }), id]);
    })));
  } else {
    box.appendChild(h('p', { class: 'muted', text: 'No detection or reconnect figure in this view.' }));
  }
}

// [{label, bars: [{stack, cell, value}]}] in row order; a bar's value is a number, a spread or null.
function chartGroups(cells, test, measuredOnly) {
  var groups = {}, order = [];
  cells.slice().sort(function (a, b) {
    return compareRows(a, b) || STACK_ORDER(columnOf(a), columnOf(b));
  }).forEach(function (c) {
    Object.keys(c.metrics || {}).forEach(function (m) {
      if (!test.test(m) || measuredOnly && c.metrics[m] === null) return;
      var key = rowKey(c) + '|' + m;
      if (!groups[key]) {
        groups[key] = { label: c.scenario + ' \u00b7 ' + c.path + ' \u00b7 ' + c.profile, metric: m, bars: [] };
        order.push(key);
      }
      groups[key].bars.push({ stack: columnOf(c), cell: c, metric: m, value: c.metrics[m] });
    });
  });
  return order.map(function (k) { return groups[k]; });
}

function drawChart(groups) {
  // A group is at least two rows high: its label and its metric name.
  var rows = groups.reduce(function (n, g) { return n + Math.max(2, g.bars.length); }, 0);
  var H = CH.TOP + rows * CH.BAR + groups.length * CH.GAP + CH.AXIS, right = CH.W - CH.RIGHT;
  var windowMs = Number(((DATA.run || {}).timings || {}).window_ms) || 10000;
  var hi = Math.pow(10, Math.ceil(Math.log10(Math.max(windowMs, maxFigure(groups)))));
  var lo = 0.1;
  var x = function (v) {
    var c = Math.min(hi, Math.max(lo, v));
    return CH.LEFT + (Math.log10(c) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * (right - CH.LEFT);
  };
  var svg = s('svg', { viewBox: '0 0 ' + CH.W + ' ' + H, role: 'img' });
  for (var d = lo; d <= hi * 1.001; d *= 10) {
    svg.appendChild(s('line', { x1: x(d), x2: x(d), y1: CH.TOP - 6, y2: H - CH.AXIS, stroke: '#e5e7eb' }));
    svg.appendChild(s('text', { x: x(d), y: H - CH.AXIS + 15, 'font-size': 11, 'text-anchor': 'middle', fill: '#4b5563',
      text: d >= 1000 ? d / 1000 + ' s' : (d < 1 ? d.toFixed(1) : d) + ' ms' }));
  }
  svg.appendChild(s('line', { x1: x(windowMs), x2: x(windowMs), y1: CH.TOP - 6, y2: H - CH.AXIS, stroke: '#9ca3af',
    'stroke-dasharray': '3 3' }));
  svg.appendChild(s('text', { x: x(windowMs), y: CH.TOP - 10, 'font-size': 11, 'text-anchor': 'middle', fill: '#6b7280',
    text: 'window' }));
  var y = CH.TOP;
  groups.forEach(function (g) {
    svg.appendChild(s('text', { x: 8, y: y + CH.BAR - 3, 'font-size': 12, 'font-weight': 600, fill: '#1f2937',
      text: g.label }));
    svg.appendChild(s('text', { x: 8, y: y + 2 * CH.BAR - 3, 'font-size': 11, fill: '#6b7280', text: g.metric }));
    g.bars.forEach(function (b, i) {
      svg.appendChild(bar(b, x, y + i * CH.BAR, lo, windowMs, right));
    });
    y += Math.max(2, g.bars.length) * CH.BAR + CH.GAP;
  });
  return svg;
}

function maxFigure(groups) {
  var m = 1;
  groups.forEach(function (g) {
    g.bars.forEach(function (b) {
      var v = isSpread(b.value) ? b.value.max : b.value;
      if (typeof v === 'number') m = Math.max(m, v);
    });
  });
  return m;
}

function bar(b, x, y, lo, windowMs, right) {
  var v = b.value, spread = isSpread(v), mid = spread ? v.p50 : v, colour = stackColour(b.stack);
  var g = s('g', { class: 'bar', 'data-cell': b.cell.id, onclick: function () { openCell(b.cell.id); } });
  g.appendChild(s('title', { text: b.cell.id + ' \u00b7 ' + b.metric + ': ' + fmtValue(b.metric, v) + ' (' + b.cell.verdict
    + ')' }));
  g.appendChild(s('text', { x: CH.LEFT - 8, y: y + CH.BAR - 4, 'font-size': 11.5, 'text-anchor': 'end', fill: '#374151',
    text: b.stack }));
  var top = y + 2, height = CH.BAR - 4;
  if (typeof mid !== 'number') {
    g.appendChild(s('rect', { x: x(lo), y: top, width: x(windowMs) - x(lo), height: height, fill: '#e5e7eb' }));
    g.appendChild(s('text', { x: x(windowMs) + 6, y: y + CH.BAR - 4, 'font-size': 11.5, fill: '#6b7280',
      text: 'not within window' }));
    return g;
  }
  g.appendChild(s('rect', { x: x(lo), y: top, width: Math.max(1.5, x(mid) - x(lo)), height: height, fill: colour,
    opacity: 0.85 }));
  var label = fmtMs(mid), end = x(mid);
  if (spread) {
    var p95 = typeof v.p95 === 'number' ? v.p95 : mid, max = typeof v.max === 'number' ? v.max : p95;
    g.appendChild(s('line', { x1: x(mid), x2: x(p95), y1: y + CH.BAR / 2, y2: y + CH.BAR / 2, stroke: '#111827',
      'stroke-width': 1.4 }));
    g.appendChild(s('line', { x1: x(max), x2: x(max), y1: top, y2: top + height, stroke: '#111827', 'stroke-width': 1.6 }));
    label = 'p50 ' + fixed(mid) + ' \u00b7 p95 ' + fixed(p95) + ' \u00b7 max ' + fixed(max) + ' ms (n=' + v.samples.length + ')';
    end = x(max);
  }
  g.appendChild(s('text', { x: Math.min(end + 6, right + 6), y: y + CH.BAR - 4, 'font-size': 11.5, fill: '#111827',
    text: label }));
  return g;
}
