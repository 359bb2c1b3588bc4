// Draws the page and keeps a cell open across view changes and reloads (#cell=<id>).
function renderAll() {
  renderControls();
  renderMatrix();
  renderCharts();
}

renderHeader();
renderLegend();
renderAll();
(function openFromHash() {
  var m = /^#cell=(.+)$/.exec(location.hash);
  if (m && BY_ID[decodeURIComponent(m[1])]) openCell(decodeURIComponent(m[1]));
})();
document.documentElement.setAttribute('data-ready', 'true');
