// Bundled as an IIFE named `charts` so the Chromium tests can call the chart functions on window.charts.
export { cooccurrenceNetwork } from '../../web/src/charts/cooccurrence-network.ts';
export { plenaryFootnote } from '../../web/src/charts/footnote.ts';
export { heatmap } from '../../web/src/charts/heatmap.ts';
export { monthlyBars } from '../../web/src/charts/monthly-bars.ts';
export { sparkline } from '../../web/src/charts/sparkline.ts';
export { termBars } from '../../web/src/charts/term-bars.ts';
export { timeline } from '../../web/src/charts/timeline-brush.ts';
