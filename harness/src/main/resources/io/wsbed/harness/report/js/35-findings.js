// Findings first: the cells where stacks in the same row disagree, by kind, each rule stated as the
// harness wrote it, each finding one sentence linked to its cell. The list comes from the harness
// (report/Findings); this only draws it.
var FINDINGS_SHOWN = 8;

function renderFindings() {
  var box = clear(document.getElementById('findings'));
  box.appendChild(h('h2', { text: 'Findings' }));
  if (!FINDINGS.length) {
    box.appendChild(h('p', { class: 'muted', id: 'findings-none', text: 'No two stacks in the same row disagree.' }));
    return;
  }
  box.appendChild(h('p', { class: 'hint', text: FINDINGS.length + ' findings, the most important first. A row is one'
    + ' scenario, path and profile in one view: servers against the reference client, or clients against the'
    + ' reference server. Click a finding for its cell, a stack for its card.' }));
  Object.keys(DERIVED.rules || {}).forEach(function (kind) {
    var ofKind = FINDINGS.filter(function (f) { return f.kind === kind; });
    if (!ofKind.length) return;
    var list = h('ol', { class: 'findings' });
    ofKind.forEach(function (f, i) {
      list.appendChild(findingItem(f, i >= FINDINGS_SHOWN));
    });
    var group = h('div', { class: 'finding-group', 'data-kind': kind }, [
      h('h3', {}, [DERIVED.titles[kind] + ' ', h('span', { class: 'muted', text: '(' + ofKind.length + ')' })]),
      h('p', { class: 'hint rule', text: 'Rule: ' + DERIVED.rules[kind] + '.' }), list]);
    if (ofKind.length > FINDINGS_SHOWN) {
      group.appendChild(h('button', { type: 'button', class: 'more', text: 'Show all ' + ofKind.length,
        onclick: function (e) {
          Array.prototype.forEach.call(list.children, function (li) { li.hidden = false; });
          e.target.remove();
        } }));
    }
    box.appendChild(group);
  });
}

// One finding: its first cell's verdict, the sentence linked to that cell, the row's other cells
// when several rows say the same, and the stack's card.
function findingItem(f, hidden) {
  var first = f.cells[0], c = BY_ID[first];
  var li = h('li', { 'data-cell': first, 'data-kind': f.kind, hidden: hidden }, [
    c ? h('span', { class: 'badge v-' + c.verdict, title: c.reason, text: c.verdict }) : null, ' ',
    h('a', { href: '#cell=' + encodeURIComponent(first), class: 'finding-link', 'data-cell': first, text: f.text,
      onclick: function (e) {
        e.preventDefault();
        openCell(first);
      } })]);
  if (f.cells.length > 1) li.appendChild(cellLinks(f.cells.slice(1)));
  if (f.stack) {
    li.appendChild(h('button', { type: 'button', class: 'chip card-link', 'data-card': f.stack, title: 'the card of '
      + f.stack, onclick: function () { openCard(f.stack); } }, [h('span', { class: 'swatch', style: 'background:'
      + stackColour(f.stack) }), f.stack]));
  }
  return li;
}
