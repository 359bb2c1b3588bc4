// Compare two stacks: the rows where both have a cell and the harness found them to differ
// (report/Differences: verdict, a signal, a time far apart), each with both timelines one above the
// other on one time axis. The choice is in the query string: index.html?compare=jetty,undertow.
var COMPARE = DERIVED.compare || [];
var COMPARE_OPEN = 6;

function compareStacks() {
  var ids = [];
  COMPARE.forEach(function (row) { ids = ids.concat(Object.keys(row.cells)); });
  return unique(ids).sort(STACK_ORDER);
}

function renderCompare() {
  var box = clear(document.getElementById('compare'));
  var stacks = compareStacks();
  if (stacks.length < 2) {
    box.appendChild(h('p', { class: 'muted', text: 'No row holds two stacks to compare.' }));
    return;
  }
  var pick = function (i, label) {
    return group(label, h('select', { id: 'compare-' + 'ab'[i], 'aria-label': 'stack ' + 'AB'[i], onchange: function (e) {
      state.compare[i] = e.target.value;
      saveQuery();
      renderCompare();
    } }, [h('option', { value: '', text: 'pick a stack' })].concat(stacks.map(function (id) {
      return h('option', { value: id, selected: state.compare[i] === id, text: id });
    }))));
  };
  box.appendChild(h('div', { class: 'controls' }, [pick(0, 'A'), pick(1, 'B'),
    h('span', { class: 'hint', text: 'The page address keeps the pair: share it to show the same comparison.' })]));
  var a = state.compare[0], b = state.compare[1];
  if (!a || !b || a === b) {
    box.appendChild(h('p', { class: 'muted', id: 'compare-none', text: 'Pick two different stacks.' }));
    return;
  }
  var shared = COMPARE.filter(function (row) { return row.cells[a] && row.cells[b]; });
  var differing = shared.filter(function (row) { return pairDifference(row, a, b); });
  box.appendChild(h('p', { class: 'hint', id: 'compare-count', text: differing.length + ' of the ' + shared.length
    + ' rows where both ' + a + ' and ' + b + ' have a cell differ; the others are left out.' }));
  differing.forEach(function (row, i) {
    box.appendChild(compareRow(row, a, b, i < COMPARE_OPEN));
  });
}

function pairDifference(row, a, b) {
  return row.pairs[a + ' ' + b] || row.pairs[b + ' ' + a] || null;
}

// A row: what differs, both cells, and both timelines drawn when the row is opened.
function compareRow(row, a, b, open) {
  var ca = BY_ID[row.cells[a]], cb = BY_ID[row.cells[b]];
  var timelines = h('details', { class: 'compare-timelines', open: open }, [h('summary', { text: 'Both timelines' })]);
  var drawn = false;
  var draw = function () {
    if (drawn || !timelines.open) return;
    drawn = true;
    timelines.appendChild(timelineBlock([ca, cb], { caption: compareCaption }));
  };
  timelines.addEventListener('toggle', draw);
  var box = h('div', { class: 'compare-row', 'data-view': row.view, 'data-cells': ca.id + ' ' + cb.id }, [
    h('h3', { text: row.label }),
    h('div', { class: 'timings' }, [h('span', { class: 'muted', text: 'differs in:' })]
      .concat(pairDifference(row, a, b).map(function (what) { return h('span', { class: 'chip', text: what }); }))),
    h('div', { class: 'compare-cells' }, [ca, cb].map(function (c) {
      return h('div', {}, [h('div', { class: 'muted' }, [h('span', { class: 'swatch', style: 'background:'
        + stackColour(row.view === 'server' ? c.server : c.client) }), row.view === 'server' ? c.server : c.client]),
        cellButton(c, false)]);
    })),
    timelines]);
  draw();
  return box;
}

function compareCaption(c) {
  return h('div', { class: 'tl-caption' }, [h('span', { class: 'badge v-' + c.verdict, text: c.verdict }), ' ',
    h('b', { text: c.server + ' server \u00d7 ' + c.client + ' client' }), c.key_figure ? ' \u00b7 ' + c.key_figure : '',
    h('span', { class: 'muted', text: ' \u00b7 ' + c.reason })]);
}
