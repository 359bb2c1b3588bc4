// The timeline of one cell: one lane per process (clients, then every server instance, then
// proxies, then the packet capture's wire lane, then the harness) on one axis in ms from the
// stimulus t0, each fault window shaded from
// the harness "fault" event to its recovery (or the next fault, or the end), every event a marker
// with its code or error as a label (or, where labels would collide, in the marker's tooltip).
var TL = { W: 1200, LEFT: 112, RIGHT: 18, TOP: 34, LANE: 48, AXIS: 34, CHAR: 6.1 };
var RECOVERY = /^(restart|restarted|recover|recovered|heal|healed|reopen|reopened|enable|enabled|proxy-up|up|restore|restored|reloaded|fault-end|end-fault|resume|resumed)$/;

function laneRank(source) {
  if (/^client/.test(source)) return 0;
  if (/^server/.test(source)) return 1;
  if (source === 'harness') return 3;
  if (source === 'wire') return 2.5;
  return 2;
}

function compareLanes(a, b) {
  var d = laneRank(a) - laneRank(b);
  if (d) return d;
  var na = parseInt((a.match(/(\d+)$/) || [0, 0])[1], 10), nb = parseInt((b.match(/(\d+)$/) || [0, 0])[1], 10);
  return na !== nb ? na - nb : (a < b ? -1 : a > b ? 1 : 0);
}

function faultWindows(tl, endMs) {
  var out = [], open = null;
  tl.forEach(function (e) {
    if (e.source !== 'harness') return;
    if (e.ev === 'fault') {
      if (open) { open.end = e.ms; open.until = 'next fault'; out.push(open); }
      open = { start: e.ms, kind: (e.fields || {}).kind || 'fault' };
    } else if (open && RECOVERY.test(e.ev)) {
      open.end = e.ms;
      open.until = e.ev + ((e.fields || {}).target ? ' ' + e.fields.target : '');
      out.push(open);
      open = null;
    }
  });
  if (open) { open.end = endMs; open.until = 'end of the cell'; out.push(open); }
  return out;
}

// What a marker looks like and says: shape, colour, and the inline label (null = no label).
function eventLook(e) {
  var f = e.fields || {};
  if (e.source === 'wire') return wireLook(e.ev, f);
  switch (e.ev) {
    case 'recv': return { shape: 'tick-down', colour: '#60a5fa', label: null };
    case 'sent':
      // results.json marks the sends that ended the session for the application (a refusal);
      // any other answer (ok, silent) is a message the application believes went out.
      if (!e.ends_session) return { shape: 'tick-up', colour: '#64748b', label: f.outcome === 'ok' ? null : 'sent ' + f.outcome };
      return { shape: 'down', colour: '#dc2626', label: 'sent ' + f.outcome + (f.error ? ' ' + shortError(f.error) : '') };
    case 'open': return { shape: 'circle', colour: '#16a34a', label: 'open ' + (f.session || '') };
    case 'close': return { shape: 'diamond', colour: f.code === 1000 || f.code === 1001 ? '#d97706' : '#ea580c',
      label: 'close ' + (f.code === undefined ? '' : f.code) + (f.local ? ' (local)' : '') };
    case 'error': return { shape: 'cross', colour: '#dc2626', label: 'error ' + shortError(f.error) };
    case 'reconnect': return { shape: 'triangle', colour: '#2563eb', label: 'reconnect #' + (f.attempt || '?') };
    case 'ready': return { shape: 'square', colour: '#374151', label: 'ready' + (f.port ? ' :' + f.port : '') };
    case 'stopped': return { shape: 'hollow', colour: '#374151', label: 'stopped' };
    case 'fault': return { shape: 'bolt', colour: '#dc2626', label: 'fault ' + (f.kind || '') };
    case 'note': return { shape: 'circle', colour: '#9ca3af', label: 'note: ' + String(f.text || '').substring(0, 48) };
    default:
      if (e.source === 'harness' && RECOVERY.test(e.ev)) {
        return { shape: 'circle', colour: '#16a34a', label: e.ev + (f.target ? ' ' + f.target : '') };
      }
      var first = Object.keys(f)[0];
      return { shape: 'circle', colour: '#6b7280', label: e.ev + (first ? ' ' + first + '=' + f[first] : '') };
  }
}

// The wire lane, as results.json lists it: what reached a socket, labelled with the port it
// reached; a run of data frames is a bar from its first frame (span_ms) to its last.
function wireLook(ev, f) {
  var to = ' \u2192' + f.to;
  switch (ev) {
    case 'fin': return { shape: 'down', colour: '#ea580c', label: 'FIN' + to };
    case 'rst': return { shape: 'cross', colour: '#dc2626', label: 'RST' + to };
    case 'close-frame': return { shape: 'diamond', colour: '#d97706',
      label: 'Close' + (f.code === undefined ? '' : ' ' + f.code) + to };
    case 'upgrade': return { shape: 'circle', colour: '#16a34a',
      label: /^HTTP/.test(f.line || '') ? String(f.line).split(' ')[1] + to : null };
    case 'data': return { shape: 'run', colour: '#60a5fa', label: null, spanMs: Number(f.span_ms) || 0 };
    case 'ping': case 'pong': return { shape: 'tick-up', colour: '#64748b', label: null };
    case 'lost-track': return { shape: 'circle', colour: '#9ca3af', label: 'frames lost' + to };
    default: return { shape: 'hollow', colour: '#9ca3af', label: null };
  }
}

function fullRange(tl) {
  var min = 0, max = 0;
  tl.forEach(function (e) { min = Math.min(min, e.ms); max = Math.max(max, e.ms); });
  var pad = Math.max(1, (max - min) * 0.02);
  return { min: min - pad, max: max + pad };
}

// From just before the first session opened to the end: process starts (hundreds of ms of JVM
// start-up) would otherwise squeeze the part a reader came for. "Whole cell" shows them.
function sessionRange(tl, full) {
  var open = tl.filter(function (e) { return e.ev === 'open'; })[0];
  if (!open) return full;
  var start = Math.min(open.ms, 0);
  return { min: Math.max(full.min, start - Math.max(5, (full.max - start) * 0.03)), max: full.max };
}

// From just before the first fault until every process lane has reported something about it.
function faultRange(tl, full) {
  var fault = tl.filter(function (e) { return e.source === 'harness' && e.ev === 'fault'; })[0];
  var f = fault ? fault.ms : 0, told = {}, last = null;
  tl.forEach(function (e) {
    if (e.ms <= f || e.source === 'harness' || told[e.source]) return;
    if (e.ends_session) {
      told[e.source] = true;
      last = e.ms;
    }
  });
  var d = last === null ? (full.max - full.min) * 0.1 : (last - f) * 1.6;
  d = Math.max(d, 20);
  return { min: Math.max(full.min, f - Math.max(5, d * 0.15)), max: Math.min(full.max, f + d) };
}

function niceStep(span) {
  var raw = span / 10, pow = Math.pow(10, Math.floor(Math.log10(raw)));
  var m = [1, 2, 5, 10].filter(function (k) { return k * pow >= raw; })[0];
  return m * pow;
}

// The smallest range holding every range given.
function unionRange(ranges) {
  return { min: Math.min.apply(null, ranges.map(function (r) { return r.min; })),
    max: Math.max.apply(null, ranges.map(function (r) { return r.max; })) };
}

// One or more cells' timelines, one above the other on one time axis (t0 = each cell's stimulus):
// the range buttons and a drag to zoom act on all of them. opts.ids gives the buttons the ids the
// cell detail uses; opts.caption(c) draws a line above each timeline.
function timelineBlock(cells, opts) {
  opts = opts || {};
  var wrap = h('div', { class: 'timeline-block' });
  var drawn = cells.filter(function (c) { return (c.timeline || []).length; });
  if (!drawn.length) {
    wrap.appendChild(h('p', { class: 'muted', text: 'No events were recorded for this cell (it did not start).' }));
    return wrap;
  }
  var fulls = {};
  drawn.forEach(function (c) { fulls[c.id] = fullRange(c.timeline); });
  var full = unionRange(drawn.map(function (c) { return fulls[c.id]; }));
  var sessions = unionRange(drawn.map(function (c) { return sessionRange(c.timeline, fulls[c.id]); }));
  var view = sessions;
  var status = h('span', { class: 'hint tl-status', id: opts.ids ? 'timeline-status' : null });
  var holders = cells.map(function () { return h('div'); });
  var draw = function () {
    var notes = [];
    cells.forEach(function (c, i) {
      clear(holders[i]);
      if (opts.caption) holders[i].appendChild(opts.caption(c));
      if (!(c.timeline || []).length) {
        holders[i].appendChild(h('p', { class: 'muted', text: 'No events were recorded for this cell.' }));
        return;
      }
      var own = [];
      holders[i].appendChild(drawTimeline(c, view, fulls[c.id], own, function (r) { view = r; draw(); }));
      own.forEach(function (n) { notes.push(cells.length > 1 ? c.server + ' \u00d7 ' + c.client + ': ' + n : n); });
    });
    status.textContent = notes.join(' ');
  };
  var button = function (name, text, range) {
    return h('button', { type: 'button', class: 'tl-' + name, id: opts.ids ? 'tl-' + name : null, text: text,
      onclick: function () {
        view = range();
        draw();
      } });
  };
  wrap.appendChild(h('div', { class: 'tl-tools' }, [
    button('sessions', 'From the first session', function () { return sessions; }),
    button('whole', 'Whole cell (with process starts)', function () { return full; }),
    button('fault', 'Around the fault', function () {
      return unionRange(drawn.map(function (c) { return faultRange(c.timeline, fulls[c.id]); }));
    }),
    h('span', { class: 'hint', text: 'Drag across the lanes to zoom in; hover a marker for every field.' }), status]));
  holders.forEach(function (x) { wrap.appendChild(x); });
  wrap.appendChild(timelineKey());
  draw();
  return wrap;
}

function drawTimeline(c, range, full, notes, onZoom) {
  var tl = c.timeline, sources = unique(tl.map(function (e) { return e.source; })).sort(compareLanes);
  var bottom = TL.TOP + sources.length * TL.LANE, H = bottom + TL.AXIS, right = TL.W - TL.RIGHT;
  var x = function (ms) { return TL.LEFT + (ms - range.min) / (range.max - range.min) * (right - TL.LEFT); };
  var laneY = {};
  var svg = s('svg', { class: 'timeline', viewBox: '0 0 ' + TL.W + ' ' + H, role: 'img', 'data-cell': c.id,
    'aria-label': 'Timeline of ' + c.id });
  sources.forEach(function (src, i) {
    var y0 = TL.TOP + i * TL.LANE;
    laneY[src] = y0 + TL.LANE / 2 + 3;
    svg.appendChild(s('rect', { class: 'lane', 'data-lane': src, x: 0, y: y0, width: TL.W, height: TL.LANE,
      fill: i % 2 ? '#ffffff' : '#f6f7f9' }));
    svg.appendChild(s('text', { x: 8, y: y0 + TL.LANE / 2 + 4, 'font-size': 12.5, 'font-weight': 600, fill: '#1f2937',
      text: src }));
    svg.appendChild(s('line', { x1: TL.LEFT, x2: right, y1: laneY[src], y2: laneY[src], stroke: '#d1d5db' }));
  });
  var windows = faultWindows(tl, full.max);
  windows.forEach(function (w, i) {
    var x1 = Math.max(x(w.start), TL.LEFT), x2 = Math.min(x(w.end), right);
    if (x2 <= x1) return;
    svg.appendChild(s('rect', { class: 'fault-window', x: x1, y: TL.TOP - 6, width: x2 - x1, height: bottom - TL.TOP + 6,
      fill: i % 2 ? 'rgba(220, 38, 38, 0.05)' : 'rgba(220, 38, 38, 0.11)' }, [s('title', { text: 'fault ' + w.kind + ': ' + fixed(w.start) + ' to '
      + fixed(w.end) + ' ms (until ' + w.until + ')' })]));
    // The label must end before the next window's label starts; shorter forms first, then none.
    var room = (i + 1 < windows.length ? x(windows[i + 1].start) : TL.W) - x1 - 6;
    var label = ['fault: ' + w.kind + ' \u2192 ' + w.until, w.kind].filter(function (t) {
      return t.length * TL.CHAR <= room;
    })[0];
    if (label) {
      svg.appendChild(s('text', { x: x1 + 3, y: TL.TOP - 10, 'font-size': 11.5, fill: '#b91c1c', 'font-weight': 600,
        text: label }));
    }
  });
  drawAxis(svg, range, x, bottom, right);
  var hidden = drawEvents(svg, tl, range, x, laneY, bottom);
  var outside = tl.filter(function (e) { return e.ms < range.min || e.ms > range.max; }).length;
  var note = (hidden ? hidden + ' labels did not fit at this zoom: drag to zoom in, or hover the markers. ' : '')
    + (outside ? outside + ' events outside this range.' : '');
  if (note) notes.push(note);
  enableZoom(svg, range, right, bottom, onZoom);
  return svg;
}

function drawAxis(svg, range, x, bottom, right) {
  var step = niceStep(range.max - range.min), digits = step < 1 ? Math.ceil(-Math.log10(step)) : 0;
  for (var v = Math.ceil(range.min / step) * step; v <= range.max; v += step) {
    var xv = x(v);
    svg.appendChild(s('line', { x1: xv, x2: xv, y1: TL.TOP - 4, y2: bottom, stroke: '#e5e7eb' }));
    svg.appendChild(s('text', { x: xv, y: bottom + 15, 'font-size': 11, 'text-anchor': 'middle', fill: '#4b5563',
      text: (Math.abs(v) < step / 2 ? 0 : v).toFixed(digits) }));
  }
  svg.appendChild(s('text', { x: right, y: bottom + 30, 'font-size': 11, 'text-anchor': 'end', fill: '#6b7280',
    text: 'ms from t0 (the stimulus)' }));
  if (range.min <= 0 && range.max >= 0) {
    svg.appendChild(s('line', { class: 't0', x1: x(0), x2: x(0), y1: TL.TOP - 20, y2: bottom, stroke: '#111827',
      'stroke-width': 1.2, 'stroke-dasharray': '4 3' }));
    svg.appendChild(s('text', { x: x(0) - 3, y: TL.TOP - 22, 'font-size': 11, 'text-anchor': 'end', 'font-weight': 700,
      text: 't0' }));
  }
}

// Markers first, then labels placed greedily in two rows per lane; returns how many did not fit.
function drawEvents(svg, tl, range, x, laneY, bottom) {
  var rowsEnd = {}, hidden = 0;
  tl.forEach(function (e) {
    if (e.ms < range.min || e.ms > range.max) return;
    var look = eventLook(e), xe = x(e.ms), y = laneY[e.source];
    if (look.spanMs !== undefined) look.x0 = Math.max(TL.LEFT, x(e.ms - look.spanMs));
    if (e.source === 'harness' && (e.ev === 'fault' || RECOVERY.test(e.ev))) {
      svg.appendChild(s('line', { x1: xe, x2: xe, y1: TL.TOP - 6, y2: bottom, stroke: look.colour, 'stroke-width': 1.3,
        'stroke-dasharray': e.ev === 'fault' ? null : '5 3', opacity: 0.8 }));
    }
    var g = s('g', { class: 'ev', 'data-ev': e.ev, 'data-source': e.source, 'data-ms': e.ms },
      [s('title', { text: e.source + ' \u00b7 ' + e.ms.toFixed(1) + ' ms \u00b7 ' + e.ev + '\n' + fieldText(e.fields) })]
      .concat(marker(look, xe, y)));
    svg.appendChild(g);
    if (!look.label) return;
    // Right of the marker, or left of it near the right edge; in the first of two rows with room.
    var width = look.label.length * TL.CHAR, ends = rowsEnd[e.source] || (rowsEnd[e.source] = [-1e9, -1e9]);
    var left = xe + 5 + width > TL.W - 2, start = left ? xe - 5 - width : xe + 5;
    var row = ends[0] <= start - 3 ? 0 : ends[1] <= start - 3 ? 1 : -1;
    if (row < 0) { hidden++; return; }
    ends[row] = start + width;
    g.appendChild(s('text', { class: 'lbl', x: left ? xe - 5 : xe + 5, y: row === 0 ? y - 9 : y + 17, 'font-size': 11,
      'text-anchor': left ? 'end' : null, fill: look.colour === '#64748b' ? '#334155' : look.colour, text: look.label }));
  });
  return hidden;
}

function marker(look, x, y) {
  var c = look.colour;
  switch (look.shape) {
    case 'run': return [s('line', { x1: Math.min(look.x0, x - 1), x2: x, y1: y + 7, y2: y + 7, stroke: c,
      'stroke-width': 3, 'stroke-linecap': 'round' })];
    case 'tick-up': return [s('line', { x1: x, x2: x, y1: y - 1, y2: y - 8, stroke: c, 'stroke-width': 1.3 })];
    case 'tick-down': return [s('line', { x1: x, x2: x, y1: y + 1, y2: y + 8, stroke: c, 'stroke-width': 1.3 })];
    case 'circle': return [s('circle', { cx: x, cy: y, r: 4.5, fill: c })];
    case 'diamond': return [s('polygon', { points: [x, y - 6, x + 6, y, x, y + 6, x - 6, y].join(' '), fill: c })];
    case 'triangle': return [s('polygon', { points: [x - 5, y + 4, x + 5, y + 4, x, y - 5].join(' '), fill: c })];
    case 'down': return [s('polygon', { points: [x - 5, y - 4, x + 5, y - 4, x, y + 5].join(' '), fill: c })];
    case 'square': return [s('rect', { x: x - 4, y: y - 4, width: 8, height: 8, fill: c })];
    case 'hollow': return [s('rect', { x: x - 4, y: y - 4, width: 8, height: 8, fill: '#fff', stroke: c, 'stroke-width': 1.5 })];
    case 'bolt': return [s('polygon', { points: [x - 1, y - 7, x + 4, y - 1, x, y - 1, x + 1, y + 7, x - 4, y + 1, x, y + 1]
      .join(' '), fill: c })];
    default: return [s('line', { x1: x - 4, x2: x + 4, y1: y - 4, y2: y + 4, stroke: c, 'stroke-width': 2.2 }),
      s('line', { x1: x - 4, x2: x + 4, y1: y + 4, y2: y - 4, stroke: c, 'stroke-width': 2.2 })];
  }
}

function timelineKey() {
  var items = [['open', 'open'], ['close', 'close (code)'], ['error', 'error (class)'], ['reconnect', 'reconnect'],
    ['ready', 'ready'], ['sent', 'sent ok (tick up)'], ['recv', 'received (tick down)']];
  var key = h('div', { class: 'stack-legend hint' });
  items.forEach(function (it) {
    var look = eventLook({ ev: it[0], source: 'x', fields: { outcome: 'ok' } });
    var svg = s('svg', { width: 14, height: 14, viewBox: '0 0 14 14' }, marker(look, 7, 7));
    key.appendChild(h('span', {}, [svg, ' ' + it[1]]));
  });
  key.appendChild(h('span', {}, [h('span', { class: 'swatch', style: 'background:rgba(220,38,38,.25)' }),
    'fault window (fault \u2192 recovery or end)']));
  key.appendChild(h('span', { text: 'wire lane (packet capture): FIN, RST, Close \u2192 the port it reached; bars: data frames' }));
  return key;
}

function enableZoom(svg, range, right, bottom, onZoom) {
  var start = null;
  var band = s('rect', { class: 'zoom-band', y: TL.TOP - 6, height: bottom - TL.TOP + 6, fill: 'rgba(29, 78, 216, 0.12)',
    stroke: '#1d4ed8', visibility: 'hidden' });
  svg.appendChild(band);
  var at = function (ev) {
    var r = svg.getBoundingClientRect();
    return Math.min(right, Math.max(TL.LEFT, (ev.clientX - r.left) * TL.W / r.width));
  };
  var ms = function (vx) { return range.min + (vx - TL.LEFT) / (right - TL.LEFT) * (range.max - range.min); };
  svg.addEventListener('mousedown', function (ev) { start = at(ev); ev.preventDefault(); });
  svg.addEventListener('mousemove', function (ev) {
    if (start === null) return;
    var now = at(ev);
    band.setAttribute('x', Math.min(start, now));
    band.setAttribute('width', Math.abs(now - start));
    band.setAttribute('visibility', 'visible');
  });
  var end = function (ev) {
    if (start === null) return;
    var now = at(ev), a = Math.min(start, now), b = Math.max(start, now);
    start = null;
    band.setAttribute('visibility', 'hidden');
    if (b - a > 6) onZoom({ min: ms(a), max: ms(b) });
  };
  svg.addEventListener('mouseup', end);
  svg.addEventListener('mouseleave', end);
}
