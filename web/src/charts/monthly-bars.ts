import { scaleBand, scaleLinear } from 'd3';
import { PALETTE, svgEl } from './svg.ts';

export interface MonthlyCount {
  month: string;
  cases: number | null;
  suppressed: boolean;
}

export interface MonthlyBarsOptions {
  width: number;
  height: number;
  title: string;
  /** Printed under the chart, e.g. the suppression footnote and the source line. */
  footnote: string;
}

/**
 * Cases per month as bars: `chart(data, options) → SVGElement`. A suppressed month is
 * drawn as a hatched box, never as zero.
 */
export function monthlyBars(data: readonly MonthlyCount[], options: MonthlyBarsOptions): SVGSVGElement {
  const margin = { top: 28, right: 8, bottom: 44, left: 36 };
  const svg = svgEl('svg', { width: options.width, height: options.height, viewBox: `0 0 ${options.width} ${options.height}`, role: 'img', 'font-family': 'sans-serif' });
  svg.append(svgEl('title', {}, options.title));
  const defs = svgEl('defs');
  const hatch = svgEl('pattern', { id: 'suppressed-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(svgEl('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: PALETTE.grey, 'stroke-width': 2 }));
  defs.append(hatch);
  svg.append(defs, svgEl('text', { x: margin.left, y: 18, 'font-size': 14, 'font-weight': 'bold' }, options.title));
  const x = scaleBand<string>().domain(data.map((d) => d.month)).range([margin.left, options.width - margin.right]).padding(0.15);
  const y = scaleLinear().domain([0, Math.max(1, ...data.map((d) => d.cases ?? 0))]).nice().range([options.height - margin.bottom, margin.top]);
  for (const tick of y.ticks(4)) {
    svg.append(svgEl('line', { x1: margin.left, x2: options.width - margin.right, y1: y(tick), y2: y(tick), stroke: '#e5e5e5' }));
    svg.append(svgEl('text', { x: margin.left - 4, y: y(tick) + 4, 'text-anchor': 'end', 'font-size': 10 }, String(tick)));
  }
  const every = Math.max(1, Math.ceil(data.length / 12));
  data.forEach((d, i) => {
    const left = x(d.month) ?? 0;
    if (d.suppressed) {
      svg.append(svgEl('rect', { x: left, y: margin.top, width: x.bandwidth(), height: y(0) - margin.top, fill: 'url(#suppressed-hatch)', 'data-suppressed': 'true' }));
    } else {
      const top = y(d.cases ?? 0);
      svg.append(svgEl('rect', { x: left, y: top, width: x.bandwidth(), height: y(0) - top, fill: PALETTE.blue, 'data-cases': d.cases ?? 0 }));
    }
    if (i % every === 0) svg.append(svgEl('text', { x: left, y: options.height - margin.bottom + 14, 'font-size': 10 }, d.month));
  });
  svg.append(svgEl('text', { x: margin.left, y: options.height - 8, 'font-size': 10, fill: '#555' }, options.footnote));
  return svg;
}
