import { scaleLinear } from 'd3';
import { frame, frameChrome } from './frame.ts';
import { PALETTE, round, svgEl, textWidth } from './svg.ts';

export interface TermWeight {
  term: string;
  weight: number;
}

export interface TermBarsOptions {
  width: number;
  title: string;
  footnote: string;
  /** How many terms to show (the heaviest), default 15. */
  max?: number;
}

const BAR_STEP = 22;
const FONT = 11;

/** A theme's distinctive terms as horizontal bars, labelled with their weight. */
export function termBars(terms: readonly TermWeight[], options: TermBarsOptions): SVGSVGElement {
  const limit = Math.max(0, options.max ?? 15);
  const heaviest = new Set([...terms.keys()].sort((a, b) => (terms[b]?.weight ?? 0) - (terms[a]?.weight ?? 0)).slice(0, limit));
  const shown = terms.filter((_, i) => heaviest.has(i));
  const height = frameChrome(options.footnote) + 16 + Math.max(1, shown.length) * BAR_STEP;
  const labelWidth = Math.ceil(Math.max(0, ...shown.map((t) => textWidth(t.term, FONT)))) + 8;
  const valueWidth = 40;
  const { svg, plot, add } = frame({ ...options, height, margin: { left: 12 + labelWidth, right: 12 + valueWidth } });
  const top = Math.max(0, ...shown.map((t) => t.weight));
  const x = scaleLinear().domain([0, top > 0 ? top : 1]).range([0, plot.width]);
  shown.forEach((t, i) => {
    const y = plot.top + i * BAR_STEP;
    const length = round(x(Math.max(0, t.weight)));
    add(
      svgEl('text', { x: plot.left - 6, y: y + BAR_STEP / 2 + 4, 'font-size': FONT, 'text-anchor': 'end' }, t.term),
      svgEl('rect', { x: plot.left, y: y + 3, width: length, height: BAR_STEP - 6, fill: PALETTE.blue, 'data-term': t.term, 'data-weight': t.weight }),
      svgEl('text', { x: round(plot.left + length + 4), y: y + BAR_STEP / 2 + 4, 'font-size': 10, fill: '#333' }, t.weight.toFixed(2)),
    );
  });
  if (!shown.length) add(svgEl('text', { x: plot.left, y: plot.top + BAR_STEP / 2 + 4, 'font-size': FONT, fill: '#555' }, '特徴的な語がありません'));
  add(svgEl('line', { x1: plot.left, x2: plot.left, y1: plot.top, y2: plot.top + shown.length * BAR_STEP, stroke: '#999' }));
  return svg;
}
