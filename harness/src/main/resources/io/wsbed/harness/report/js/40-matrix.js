// The matrix: scenarios down, stacks across, one coloured button per cell; the controls that pick
// the view (servers against one client, or clients against one server), profile and path; and the
// filters that keep it readable at hundreds of cells: text, verdict, rows grouped by fault kind.
function renderControls() {
  var box = clear(document.getElementById('controls'));
  box.appendChild(group('View', segmented('view', [['server', 'Servers'], ['client', 'Clients']], state.view)));
  var pinKey = state.view === 'server' ? 'client' : 'server';
  var select = h('select', { id: 'pin', 'aria-label': 'against ' + pinKey, onchange: function (e) {
    state[pinKey] = e.target.value;
    renderAll();
  } }, pins(state.view).map(function (id) {
    // Each protocol family has its own reference peer: the pin names the family it opens.
    var info = stackInfo(id);
    var family = info && info.protocol && info.protocol !== 'websocket' ? ' (' + info.protocol + ' stacks)' : '';
    return h('option', { value: id, selected: id === state[pinKey], text: id + family });
  }));
  box.appendChild(group(state.view === 'server' ? 'against client' : 'against server', select));
  var profiles = unique(CELLS.map(function (c) { return c.profile; })).sort(PROFILE_ORDER);
  box.appendChild(group('Profile', segmented('profile', [['all', 'all']].concat(profiles.map(function (p) {
    return [p, p];
  })), state.profile)));
  var paths = unique(CELLS.map(function (c) { return c.path; })).sort(PATH_ORDER);
  box.appendChild(group('Path', segmented('path', [['all', 'all']].concat(paths.map(function (p) {
    return [p, p];
  })), state.path)));
  renderFilters();
}

// Filters only hide and dim what the view shows: a row stays while one of its cells matches.
function renderFilters() {
  var box = clear(document.getElementById('filters'));
  var text = h('input', { type: 'search', id: 'filter-text', placeholder: 'stack, scenario, reason, figure\u2026',
    value: state.text, 'aria-label': 'filter cells by text', oninput: function (e) {
      state.text = e.target.value;
      renderMatrix();
    } });
  box.appendChild(group('Filter', text));
  var present = VERDICTS.filter(function (v) { return CELLS.some(function (c) { return c.verdict === v; }); });
  box.appendChild(group('Verdict', h('div', { class: 'seg', role: 'group', 'data-control': 'verdict' },
    present.map(function (v) {
      return h('button', { type: 'button', 'data-value': v, 'aria-pressed': String(state.verdicts.indexOf(v) >= 0),
        text: v, onclick: function (e) {
          var at = state.verdicts.indexOf(v);
          if (at >= 0) state.verdicts.splice(at, 1); else state.verdicts.push(v);
          e.target.setAttribute('aria-pressed', String(at < 0));
          renderMatrix();
        } });
    }))));
  box.appendChild(group('Group rows', h('label', {}, [h('input', { type: 'checkbox', id: 'group-kind',
    checked: state.group, onchange: function (e) {
      state.group = e.target.checked;
      renderMatrix();
    } }), ' by fault kind'])));
}

function matches(c) {
  if (state.verdicts.indexOf(c.verdict) < 0) return false;
  var q = state.text.trim().toLowerCase();
  return !q || [c.id, c.verdict, c.reason, c.key_figure].join(' ').toLowerCase().indexOf(q) >= 0;
}

function kindOf(scenario) {
  return KINDS[scenario] || scenario;
}

function group(label, control) {
  return h('div', { class: 'group' }, [h('span', { class: 'label', text: label }), control]);
}

function segmented(key, options, current) {
  return h('div', { class: 'seg', role: 'group', 'data-control': key }, options.map(function (o) {
    return h('button', { type: 'button', 'data-value': o[0], 'aria-pressed': String(o[0] === current), text: o[1],
      onclick: function () {
        state[key] = o[0];
        renderAll();
      } });
  }));
}

function renderMatrix() {
  var box = clear(document.getElementById('matrix'));
  var cells = viewCells();
  if (!cells.length) {
    box.appendChild(h('p', { class: 'muted', text: 'No cell in this view: pick another view, profile or path.' }));
    return;
  }
  var columns = unique(cells.map(columnOf)).sort(STACK_ORDER);
  var rows = [], byRow = {};
  cells.forEach(function (c) {
    var k = rowKey(c);
    if (!byRow[k]) {
      byRow[k] = {};
      rows.push({ key: k, scenario: c.scenario, path: c.path, profile: c.profile, kind: kindOf(c.scenario) });
    }
    byRow[k][columnOf(c)] = c;
  });
  var kindOrder = indexOrder(unique(rows.slice().sort(compareRows).map(function (r) { return r.kind; })));
  rows.sort(function (a, b) { return (state.group ? kindOrder(a.kind, b.kind) : 0) || compareRows(a, b); });
  var shown = rows.filter(function (row) {
    return columns.some(function (col) { return byRow[row.key][col] && matches(byRow[row.key][col]); });
  });
  var role = state.view === 'server' ? 'server' : 'client';
  var table = h('table', { class: 'matrix', id: 'matrix-table' });
  table.appendChild(h('thead', {}, [h('tr', {}, [h('th', { text: 'scenario' }), h('th', { text: 'path' }),
    h('th', { text: 'profile' })].concat(columns.map(function (col) {
    var info = stackInfo(col);
    return h('th', { title: info ? info.name : col }, [h('span', { class: 'swatch', style: 'background:'
      + stackColour(col) }), col + ' ' + role, h('span', { class: 'ver', text: info ? info.version : '' })]);
  })))]));
  var body = h('tbody');
  shown.forEach(function (row, i) {
    if (state.group && (i === 0 || shown[i - 1].kind !== row.kind)) {
      var n = shown.filter(function (r) { return r.kind === row.kind; }).length;
      body.appendChild(h('tr', { class: 'kind' }, [h('th', { colspan: 3 + columns.length, 'data-kind': row.kind },
        ['fault: ' + row.kind, h('span', { class: 'muted', text: ' \u00b7 ' + n + (n === 1 ? ' row' : ' rows') })])]));
    }
    var tr = h('tr');
    if (i === 0 || shown[i - 1].scenario !== row.scenario) {
      var span = 1;
      while (i + span < shown.length && shown[i + span].scenario === row.scenario) span++;
      tr.appendChild(h('td', { class: 'scenario', rowspan: span }, [row.scenario,
        h('span', { class: 'desc', text: scenarioInfo(row.scenario).description })]));
    }
    tr.appendChild(h('td', { class: 'tag', text: row.path }));
    tr.appendChild(h('td', { class: 'tag', text: row.profile }));
    columns.forEach(function (col) {
      var c = byRow[row.key][col];
      tr.appendChild(c ? h('td', {}, [cellButton(c, !matches(c))])
        : h('td', { class: 'none', text: '\u2014', title: 'not run' }));
    });
    body.appendChild(tr);
  });
  table.appendChild(body);
  var matching = cells.filter(matches).length;
  box.appendChild(h('p', { class: 'hint', id: 'matrix-count', text: cells.length + ' of ' + CELLS.length
    + ' cells in this view' + (matching < cells.length ? ', ' + matching + ' match the filter (' + shown.length + ' of '
    + rows.length + ' rows)' : '') + '. Click a cell for its verdict, figures and timeline.' }));
  box.appendChild(table);
}

function cellButton(c, dim) {
  var tip = c.verdict + ': ' + c.reason;
  return h('button', { type: 'button', class: 'cell v-' + c.verdict + (state.cell === c.id ? ' selected' : '')
    + (dim ? ' dim' : ''),
    'data-cell': c.id, title: tip, onclick: function () { openCell(c.id); } }, [
    h('span', { class: 'verdict', text: c.verdict }),
    h('span', { class: 'fig', text: c.key_figure || '\u00a0' }),
    c.flaky ? h('span', { class: 'flaky', text: '\u2691 flaky ' + (c.repetitions || []).join('/') }) : null
  ]);
}

function renderLegend() {
  var box = clear(document.getElementById('legend'));
  VERDICTS.forEach(function (v) {
    box.appendChild(h('span', {}, [h('span', { class: 'badge v-' + v, text: v }), ' ' + VERDICT_MEANING[v]]));
  });
  box.appendChild(h('span', {}, ['\u2691 flaky: repetitions of the cell disagreed; the cell shows the majority verdict']));
}
