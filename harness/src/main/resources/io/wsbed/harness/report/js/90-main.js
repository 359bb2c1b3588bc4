// Draws the page and keeps a cell open across view changes and reloads (#cell=<id>), the compared
// pair and the open card too (?compare=a,b&card=id).
function renderAll() {
  renderControls();
  renderMatrix();
  renderCharts();
}

renderHeader();
renderFindings();
renderLegend();
renderAll();
renderCompare();
renderCardPicker();
(function openFromHash() {
  var m = /^#cell=(.+)$/.exec(location.hash);
  if (m && BY_ID[decodeURIComponent(m[1])]) openCell(decodeURIComponent(m[1]));
  else if (state.compare[0] && state.compare[1]) document.getElementById('compare-section').scrollIntoView();
})();
// The mark times a load from navigation start to a drawn page (scenarios' ReportLoadBenchmark).
performance.mark('wsbed-ready');
document.documentElement.setAttribute('data-ready', 'true');
