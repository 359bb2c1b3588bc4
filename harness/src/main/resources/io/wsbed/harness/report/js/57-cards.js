// One card per stack, as the harness wrote it (report/StackCards): what the stack told its
// application in each fault, how its send API answered after close, its times against its view's
// median, its heartbeat and send API as its info described them, its start cost, and the stacks.md
// predictions about it. The open card is in the query string: index.html?card=undertow.
var CARDS = DERIVED.cards || [];

function renderCardPicker() {
  var box = clear(document.getElementById('cards'));
  if (!CARDS.length) {
    box.appendChild(h('p', { class: 'muted', text: 'results.json describes no stack.' }));
    return;
  }
  box.appendChild(h('div', { class: 'timings' }, CARDS.map(function (card) {
    var id = card.stack.id, n = FINDINGS.filter(function (f) { return f.stack === id; }).length;
    return h('button', { type: 'button', class: 'chip card-pick', 'data-card': id,
      'aria-pressed': String(state.card === id), onclick: function () {
        if (state.card === id) closeCard(); else openCard(id);
      } }, [h('span', { class: 'swatch', style: 'background:' + stackColour(id) }), h('b', { text: id }),
      ' ' + card.stack.version + (n ? ' \u00b7 ' + n + (n === 1 ? ' finding' : ' findings') : '')]);
  })));
  box.appendChild(h('div', { id: 'card', hidden: true }));
  if (state.card) openCard(state.card, true);
}

function openCard(id, quiet) {
  var card = CARDS.filter(function (c) { return c.stack.id === id; })[0];
  if (!card) return;
  var info = card.stack;
  state.card = id;
  saveQuery();
  Array.prototype.forEach.call(document.querySelectorAll('button.card-pick'), function (b) {
    b.setAttribute('aria-pressed', String(b.getAttribute('data-card') === id));
  });
  var box = clear(document.getElementById('card'));
  box.hidden = false;
  box.setAttribute('data-stack', id);
  box.appendChild(h('div', { class: 'detail-head' }, [h('h3', {}, [h('span', { class: 'swatch', style: 'background:'
    + stackColour(id) }), info.name + ' ' + info.version]),
    h('span', { class: 'muted', text: (info.roles || []).join(' and ') + (info.builtin_reconnect
      ? ' \u00b7 reconnects by itself' : '') }),
    h('button', { type: 'button', class: 'close', text: 'Close', onclick: closeCard })]));
  box.appendChild(h('table', { class: 'plain facts' }, [h('tbody', {}, [
    h('tr', {}, [h('th', { text: 'heartbeat (its info)' }), h('td', { text: info.heartbeat || '\u2014' })]),
    h('tr', {}, [h('th', { text: 'send API' }), h('td', { class: 'mono', text: info.send_api || '\u2014' })]),
    h('tr', {}, [h('th', { text: 'library defaults (its info)' }), h('td', { text: info.defaults || '\u2014' })])].concat(
    (card.starts || []).map(function (st) {
      return h('tr', {}, [h('th', { text: 'start of a ' + st.role + ' process' }), h('td', { text: 'median '
        + fmtMs(st.median) + ' over ' + st.samples + ' starts; every stack\'s ' + st.role + ': ' + fmtMs(st.all)
        + ' over ' + st.all_samples })]);
    })))]));
  box.appendChild(h('div', { class: 'grid2' }, [
    saidTable('What it told the application', 'fault', card.told, 'card-told'),
    saidTable('Its send API after close', 'send', card.sends, 'card-sends')]));
  box.appendChild(figureTable(card.figures || []));
  box.appendChild(cardPredictions(card.predictions || []));
  var mine = FINDINGS.filter(function (f) { return f.stack === id; });
  if (mine.length) {
    var list = h('ol', { class: 'findings' });
    mine.forEach(function (f) { list.appendChild(findingItem(f, false)); });
    box.appendChild(h('div', {}, [h('h3', { text: 'Findings about ' + id + ' (' + mine.length + ')' }), list]));
  }
  if (!quiet) box.scrollIntoView({ block: 'start' });
}

function closeCard() {
  state.card = null;
  saveQuery();
  document.getElementById('card').hidden = true;
  Array.prototype.forEach.call(document.querySelectorAll('button.card-pick'), function (b) {
    b.setAttribute('aria-pressed', 'false');
  });
}

function saidTable(title, what, rows, id) {
  var body = h('tbody');
  (rows || []).forEach(function (r) {
    body.appendChild(h('tr', {}, [h('td', { text: r.when }), h('td', { class: 'muted', text: r.role }),
      h('td', { class: 'mono', text: r.what }), h('td', {}, [cellLinks(r.cells)])]));
  });
  if (!(rows || []).length) body.appendChild(h('tr', {}, [h('td', { class: 'muted', text: 'none recorded' })]));
  return h('div', {}, [h('h3', { text: title }), h('table', { class: 'plain', id: id }, [h('thead', {}, [h('tr', {},
    [what, 'side', 'told', 'cells'].map(function (x) { return h('th', { text: x }); }))]), body])]);
}

function figureTable(rows) {
  var body = h('tbody');
  rows.forEach(function (f) {
    body.appendChild(h('tr', { class: f.far ? 'far' : null }, [h('td', { text: f.scenario }),
      h('td', { class: 'muted', text: f.role }), h('td', { class: 'mono', text: f.figure }),
      h('td', { class: 'num', text: fmtMs(f.stack) + ' (' + f.stack_cells + ')' }),
      h('td', { class: 'num', text: fmtMs(f.view) + ' (' + f.view_cells + ')' }),
      h('td', { text: f.far ? 'far from the median' : '' })]));
  });
  if (!rows.length) body.appendChild(h('tr', {}, [h('td', { class: 'muted', text: 'no detection or reconnect time' })]));
  return h('div', {}, [h('h3', { text: 'Detection and reconnect times against the median of its view' }),
    h('p', { class: 'hint', text: 'Medians over the cells (their count in brackets) of the same scenario in the same'
      + ' view; far means ' + DERIVED.far + ', as for the findings.' }),
    h('table', { class: 'plain', id: 'card-figures' }, [h('thead', {}, [h('tr', {}, ['scenario', 'side', 'figure',
      'this stack', 'every stack', ''].map(function (x) { return h('th', { text: x }); }))]), body])]);
}

function cardPredictions(checks) {
  var body = h('tbody');
  checks.forEach(function (c) {
    var badge = c.status === 'confirmed' ? 'PASS' : c.status === 'saw instead' ? 'DEGRADED' : 'SKIPPED';
    body.appendChild(h('tr', {}, [h('td', { class: 'mono', text: c.key }), h('td', { text: c.predicted }),
      h('td', { text: c.observed === null ? '\u2014' : c.observed }),
      h('td', {}, [h('span', { class: 'badge v-' + badge, text: c.status })]),
      h('td', {}, [c.cell ? cellLinks([c.cell]) : null])]));
  });
  if (!checks.length) body.appendChild(h('tr', {}, [h('td', { class: 'muted', text: 'stacks.md predicts nothing about it' })]));
  return h('div', {}, [h('h3', { text: 'What stacks.md predicts' }), h('table', { class: 'plain', id: 'card-predictions' },
    [h('thead', {}, [h('tr', {}, ['prediction', 'stacks.md', 'this run', '', 'cell'].map(function (x) {
      return h('th', { text: x });
    }))]), body])]);
}
