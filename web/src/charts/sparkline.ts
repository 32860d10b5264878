import { line, scaleLinear } from 'd3';

export interface SparklineOptions {
  width: number;
  height: number;
  /** Accessible name, read by screen readers. */
  title: string;
}

/** A small trend line of monthly counts: `chart(data, options) → SVGElement`, no hidden state. */
export function sparkline(counts: readonly number[], options: SparklineOptions): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(options.width));
  svg.setAttribute('height', String(options.height));
  svg.setAttribute('viewBox', `0 0 ${options.width} ${options.height}`);
  svg.setAttribute('role', 'img');
  const title = document.createElementNS(ns, 'title');
  title.textContent = options.title;
  svg.append(title);
  if (counts.length === 0) return svg;
  const x = scaleLinear().domain([0, Math.max(1, counts.length - 1)]).range([1, options.width - 1]);
  const y = scaleLinear().domain([0, Math.max(1, ...counts)]).range([options.height - 1, 1]);
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', line<number>().x((_, i) => x(i)).y((d) => y(d))(counts as number[]) ?? '');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', '#0072B2');
  path.setAttribute('stroke-width', '1.5');
  svg.append(path);
  return svg;
}
