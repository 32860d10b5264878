import { brushX, scaleBand, scaleLinear, select, type D3BrushEvent } from 'd3';
import { frame, hatchFill } from './frame.ts';
import type { MonthlyCount } from './monthly-bars.ts';
import { PALETTE, round, svgEl } from './svg.ts';

export type MonthRange = [from: string, to: string];

export interface TimelineOptions {
  width: number;
  height: number;
  title: string;
  footnote: string;
  /** The months chosen so far (inclusive), or null for all. */
  selection: readonly [string, string] | null;
  onSelect(range: MonthRange | null): void;
}

/**
 * Cases per month with a brush to choose a period; the brush snaps to whole months.
 * Arrow keys move the chosen period by a month and Escape clears it.
 */
export function timeline(data: readonly MonthlyCount[], options: TimelineOptions): SVGSVGElement {
  const months = data.map((d) => d.month);
  const { svg, plot, add } = frame({ ...options, margin: { left: 36, right: 8, bottom: 20 } });
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('class', 'timeline');
  const bottom = plot.top + plot.height;
  // Outer padding of half the inner padding makes every month a slot of exactly one step.
  const x = scaleBand<string>().domain(months).range([plot.left, plot.left + plot.width]).paddingInner(0.2).paddingOuter(0.1);
  const y = scaleLinear().domain([0, Math.max(1, ...data.map((d) => d.cases ?? 0))]).nice().range([bottom, plot.top]);
  for (const tick of y.ticks(4).filter(Number.isInteger)) {
    add(
      svgEl('line', { x1: plot.left, x2: plot.left + plot.width, y1: round(y(tick)), y2: round(y(tick)), stroke: '#e5e5e5' }),
      svgEl('text', { x: plot.left - 4, y: round(y(tick) + 4), 'text-anchor': 'end', 'font-size': 10 }, String(tick)),
    );
  }
  const every = Math.max(1, Math.ceil(months.length / 12));
  const bars = data.map((d, i) => {
    const left = round(x(d.month) ?? 0);
    const width = round(x.bandwidth());
    const top = d.suppressed ? plot.top : round(y(d.cases ?? 0));
    const bar = svgEl('rect', { x: left, y: top, width, height: round(bottom - top), 'data-month': d.month });
    bar.setAttribute(d.suppressed ? 'data-suppressed' : 'data-cases', d.suppressed ? 'true' : String(d.cases ?? 0));
    add(bar);
    if (i % every === 0) add(svgEl('text', { x: left, y: round(bottom + 14), 'font-size': 10 }, d.month));
    return { bar, suppressed: d.suppressed };
  });

  const step = x.step();
  const toPixels = (from: number, to: number): [number, number] => [plot.left + from * step, plot.left + (to + 1) * step];
  const indexOf = (month: string) => months.indexOf(month);
  let chosen: [number, number] | null = null;
  const paint = () => {
    bars.forEach(({ bar, suppressed }, i) => {
      const inside = chosen === null || (i >= chosen[0] && i <= chosen[1]);
      bar.setAttribute('fill', suppressed ? hatchFill : inside ? PALETTE.blue : '#d0d0d0');
      bar.setAttribute('data-selected', String(chosen !== null && inside));
    });
  };
  const range = (): MonthRange | null => (chosen ? [months[chosen[0]] ?? '', months[chosen[1]] ?? ''] : null);

  const brush = brushX<unknown>().extent([[plot.left, plot.top], [plot.left + plot.width, bottom]]);
  const layer = svgEl('g', { class: 'brush' });
  add(layer);
  const group = select<SVGGElement, unknown>(layer);
  const moveTo = (next: [number, number] | null) => {
    chosen = next;
    group.call(brush.move, next ? toPixels(next[0], next[1]) : null);
    paint();
  };
  brush.on('end', (event: D3BrushEvent<unknown>) => {
    if (!event.sourceEvent) return; // our own snapping and keyboard moves
    const extent = event.selection as [number, number] | null;
    if (!extent || !months.length) {
      chosen = null;
      paint();
    } else {
      const last = months.length - 1;
      const from = Math.min(last, Math.max(0, Math.floor((extent[0] - plot.left) / step)));
      const to = Math.min(last, Math.max(from, Math.ceil((extent[1] - plot.left) / step) - 1));
      moveTo([from, to]);
    }
    options.onSelect(range());
  });
  group.call(brush);
  group.select('.selection').attr('fill', PALETTE.blue).attr('fill-opacity', 0.12).attr('stroke', PALETTE.blue);

  const initial = options.selection ? [indexOf(options.selection[0]), indexOf(options.selection[1])] as const : null;
  if (initial && initial[0] >= 0 && initial[1] >= initial[0]) moveTo([initial[0], initial[1]]);
  else paint();

  svg.addEventListener('keydown', (event) => {
    const last = months.length - 1;
    if (last < 0) return;
    if (event.key === 'Escape') {
      if (chosen === null) return;
      moveTo(null);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const shift = event.key === 'ArrowLeft' ? -1 : 1;
      if (chosen === null) moveTo(shift > 0 ? [0, 0] : [last, last]);
      else {
        const [from, to] = chosen;
        const moved = Math.min(last - to, Math.max(-from, shift));
        if (moved === 0) return;
        moveTo([from + moved, to + moved]);
      }
    } else return;
    event.preventDefault();
    options.onSelect(range());
  });
  return svg;
}
