// The results embedded in the page, indexed once, and the view state the controls change.
var DATA = JSON.parse(document.getElementById('wsbed-results').textContent);
var CELLS = DATA.cells || [];
var BY_ID = {};
CELLS.forEach(function (c) { BY_ID[c.id] = c; });
var SELECTION = (DATA.run && DATA.run.selection) || {};
// What the harness derived from the results by its rules (findings, compare rows, stack cards, fault
// kinds, predictions): the page shows these as they are and derives none of them.
var DERIVED = JSON.parse(document.getElementById('wsbed-derived').textContent);
var FINDINGS = DERIVED.findings || [];
var KINDS = DERIVED.kinds || {};

var STACK_ORDER = indexOrder((DATA.stacks || []).map(function (x) { return x.id; })
  .concat(CELLS.map(function (c) { return c.server; }), CELLS.map(function (c) { return c.client; })));
var SCENARIO_ORDER = indexOrder((DATA.scenarios || []).map(function (x) { return x.id; })
  .concat(CELLS.map(function (c) { return c.scenario; })));
// Paths in the order the scenarios list them (results.json's scenarios[].path, "direct,nginx").
var PATH_ORDER = indexOrder([].concat.apply([], (DATA.scenarios || []).map(function (x) { return (x.path || '').split(','); }))
  .concat(CELLS.map(function (c) { return c.path; })));
var PROFILE_ORDER = indexOrder(['default', 'heartbeat'].concat(CELLS.map(function (c) { return c.profile; })));

var ALL_STACKS = unique(CELLS.map(function (c) { return c.server; }).concat(CELLS.map(function (c) { return c.client; })))
  .sort(STACK_ORDER);
function stackColour(id) {
  var i = ALL_STACKS.indexOf(id);
  return STACK_COLOURS[(i < 0 ? 0 : i) % STACK_COLOURS.length];
}

function scenarioInfo(id) {
  return (DATA.scenarios || []).filter(function (x) { return x.id === id; })[0] || { id: id, description: '' };
}

function stackInfo(id) {
  return (DATA.stacks || []).filter(function (x) { return x.id === id; })[0] || null;
}

// The stacks a view can be pinned to: clients for the server view, servers for the client view.
function pins(view) {
  var key = view === 'server' ? 'client' : 'server';
  return unique(CELLS.map(function (c) { return c[key]; })).sort(STACK_ORDER);
}

function initialState() {
  var st = { view: 'server', client: SELECTION.reference_client, server: SELECTION.reference_server,
    profile: 'all', path: 'all', cell: null, text: '', verdicts: VERDICTS.slice(), group: true,
    compare: ['', ''], card: null };
  var query = new URLSearchParams(location.search);
  if (query.get('compare')) st.compare = (query.get('compare') + ',').split(',').slice(0, 2);
  if (query.get('card')) st.card = query.get('card');
  if (pins('server').indexOf(st.client) < 0) st.client = pins('server')[0];
  if (pins('client').indexOf(st.server) < 0) st.server = pins('client')[0];
  var inServerView = CELLS.filter(function (c) { return c.client === st.client; }).length;
  if (!inServerView) st.view = 'client';
  return st;
}
var state = initialState();

// The cells the current view shows, after the profile and path filters. In the client view a row
// holding only the reference client's cell (a scenario run in the server view alone) is left out:
// that cell is in the server view, and the row would compare nothing.
function viewCells() {
  var cells = CELLS.filter(function (c) {
    var pinned = state.view === 'server' ? c.client === state.client : c.server === state.server;
    return pinned && (state.profile === 'all' || c.profile === state.profile)
      && (state.path === 'all' || c.path === state.path);
  });
  if (state.view !== 'client') return cells;
  var compared = {};
  cells.forEach(function (c) { if (c.client !== SELECTION.reference_client) compared[rowKey(c)] = true; });
  var kept = cells.filter(function (c) { return compared[rowKey(c)]; });
  return kept.length ? kept : cells;
}

function columnOf(c) {
  return state.view === 'server' ? c.server : c.client;
}

function rowKey(c) {
  return c.scenario + '|' + c.path + '|' + c.profile;
}

function compareRows(a, b) {
  return SCENARIO_ORDER(a.scenario, b.scenario) || PATH_ORDER(a.path, b.path) || PROFILE_ORDER(a.profile, b.profile);
}

// The compare and card choices live in the query string, so a link shares them
// (index.html?compare=jetty,undertow&card=undertow); a cell stays in the hash.
function saveQuery() {
  var query = new URLSearchParams();
  if (state.compare[0] && state.compare[1]) query.set('compare', state.compare.join(','));
  if (state.card) query.set('card', state.card);
  var search = query.toString().replace(/%2C/g, ',');
  history.replaceState(null, '', location.pathname + (search ? '?' + search : '') + location.hash);
}
