// Shared helpers: DOM and SVG builders, number formats, the orders used everywhere.
var SVG_NS = 'http://www.w3.org/2000/svg';
var VERDICTS = ['PASS', 'DEGRADED', 'FAIL', 'SKIPPED', 'ERROR'];
var VERDICT_MEANING = {
  PASS: 'surfaced on both sides within the bound, nothing lost silently, reconnected where it had to',
  DEGRADED: 'surfaced, but late, on one side only, with an unexpected code or with loss',
  FAIL: 'not surfaced within the window, a silent send, or no reconnect',
  SKIPPED: 'a component is missing; the reason says which and how to get it',
  ERROR: 'the harness itself broke; this fails the build'
};
var STACK_COLOURS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626',
  '#475569', '#b45309'];

function fill(node, attrs, children) {
  Object.keys(attrs || {}).forEach(function (k) {
    var v = attrs[k];
    if (v === undefined || v === null || v === false) return;
    if (k === 'text') node.textContent = v;
    else if (k.indexOf('on') === 0) node.addEventListener(k.substring(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  });
  (children || []).forEach(function (c) {
    if (c === null || c === undefined || c === false) return;
    node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  });
  return node;
}

function h(tag, attrs, children) {
  return fill(document.createElement(tag), attrs, children);
}

function s(tag, attrs, children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function fixed(v) {
  if (Number.isInteger(v)) return String(v);
  var a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(1) : v.toFixed(2);
}

function fmtMs(v) {
  return v === null || v === undefined ? 'not within window' : fixed(v) + ' ms';
}

function isSpread(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'p50' in v;
}

function fmtValue(name, v) {
  var ms = /_ms$/.test(name);
  // A wire figure is null where nothing was captured or nothing reached the socket: not late, unmeasured.
  if (v === null || v === undefined) return ms && !/_(wire|reaction)_ms$/.test(name) ? 'not within window' : '\u2014';
  if (isSpread(v)) {
    var f = function (x) { return x === null ? 'none' : ms ? fmtMs(x) : String(x); };
    return 'p50 ' + f(v.p50) + ' \u00b7 p95 ' + f(v.p95) + ' \u00b7 max ' + f(v.max) + ' (' + v.samples.length
      + ' runs: ' + v.samples.map(function (x) { return x === null ? '\u2014' : ms ? fixed(x) : String(x); }).join(', ')
      + ')';
  }
  if (Array.isArray(v)) return v.map(function (x) { return fmtValue(name, x); }).join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return ms ? fmtMs(v) : String(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function fmtDuration(ms) {
  return ms >= 60000 ? (ms / 60000).toFixed(1) + ' min' : ms >= 1000 ? (ms / 1000).toFixed(1) + ' s' : ms + ' ms';
}

// Orders stack ids as results.json lists stacks, then anything else in order of appearance.
function indexOrder(list) {
  var order = {};
  list.forEach(function (id, i) { if (!(id in order)) order[id] = i; });
  return function (a, b) {
    var ia = a in order ? order[a] : 1e6, ib = b in order ? order[b] : 1e6;
    return ia !== ib ? ia - ib : (a < b ? -1 : a > b ? 1 : 0);
  };
}

function unique(values) {
  var seen = {}, out = [];
  values.forEach(function (v) { if (!seen[v]) { seen[v] = true; out.push(v); } });
  return out;
}

// "java.net.ConnectException: refused" -> "ConnectException".
function shortError(text) {
  if (!text) return '';
  var cls = String(text).split(':')[0].trim();
  var dot = cls.lastIndexOf('.');
  return dot >= 0 ? cls.substring(dot + 1) : cls;
}

function cellWhere(c) {
  return c.server + ' server \u00d7 ' + c.client + ' client \u00b7 ' + c.profile + ' \u00b7 ' + c.path;
}
