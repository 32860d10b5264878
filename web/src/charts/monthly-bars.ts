import { scaleBand, scaleLinear } from 'd3';
import { frame, hatchFill } from './frame.ts';
import { PALETTE, round, svgEl } from './svg.ts';

export interface MonthlyCount {
  month: string;
  cases: number | null;
  suppressed: boolean;
}

export interface MonthlyBarsOptions {
  width: number;
  height: number;
  title: string;
  /** Printed under the chart, e.g. the suppression footnote and the source line; '\n' breaks lines. */
  footnote: string;
}

/**
 * Cases per month as bars: `chart(data, options) → SVGElement`. A suppressed month is
 * drawn as a hatched box, never as zero.
 */
export function monthlyBars(data: readonly MonthlyCount[], options: MonthlyBarsOptions): SVGSVGElement {
  const { svg, plot, add } = frame({ ...options, margin: { left: 36, right: 8, bottom: 20 } });
  const bottom = plot.top + plot.height;
  const x = scaleBand<string>().domain(data.map((d) => d.month)).range([plot.left, plot.left + plot.width]).padding(0.15);
  const y = scaleLinear().domain([0, Math.max(1, ...data.map((d) => d.cases ?? 0))]).nice().range([bottom, plot.top]);
  for (const tick of y.ticks(4).filter(Number.isInteger)) {
    add(
      svgEl('line', { x1: plot.left, x2: plot.left + plot.width, y1: round(y(tick)), y2: round(y(tick)), stroke: '#e5e5e5' }),
      svgEl('text', { x: plot.left - 4, y: round(y(tick) + 4), 'text-anchor': 'end', 'font-size': 10 }, String(tick)),
    );
  }
  // A month label ("2024-04" at 10 px) needs about 52 px; label every n-th month to fit.
  const every = Math.max(1, Math.ceil(data.length / Math.max(1, Math.floor(plot.width / 52))));
  data.forEach((d, i) => {
    const left = round(x(d.month) ?? 0);
    const width = round(x.bandwidth());
    if (d.suppressed) {
      add(svgEl('rect', { x: left, y: plot.top, width, height: round(plot.height), fill: hatchFill, 'data-suppressed': 'true' }));
    } else {
      const top = round(y(d.cases ?? 0));
      add(svgEl('rect', { x: left, y: top, width, height: round(bottom - top), fill: PALETTE.blue, 'data-cases': d.cases ?? 0 }));
    }
    if (i % every === 0) add(svgEl('text', { x: left, y: round(bottom + 14), 'font-size': 10 }, d.month));
  });
  return svg;
}
