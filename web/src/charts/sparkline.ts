import { area, line, scaleLinear, scalePoint } from 'd3';
import { hatchDefs, hatchFill } from './frame.ts';
import type { MonthlyCount } from './monthly-bars.ts';
import { PALETTE, round, svgEl } from './svg.ts';

export interface SparklineOptions {
  /** The month domain (YYYY-MM), so every row of a table shares one time axis. */
  months: readonly string[];
  width?: number;
  height?: number;
  /** Accessible name: the sparkline has no visible text of its own. */
  label: string;
}

interface Point {
  month: string;
  cases: number | null;
}

/** Cases per month in a table cell; a suppressed month is a hatched gap, never a zero. */
export function sparkline(data: readonly MonthlyCount[], options: SparklineOptions): SVGSVGElement {
  const width = options.width ?? 120;
  const height = options.height ?? 28;
  const byMonth = new Map(data.map((d) => [d.month, d]));
  const points: Point[] = options.months.map((month) => {
    const d = byMonth.get(month);
    return { month, cases: d === undefined ? 0 : d.suppressed ? null : (d.cases ?? 0) };
  });
  const max = Math.max(0, ...points.map((p) => p.cases ?? 0));
  const svg = svgEl('svg', {
    width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': options.label,
    class: 'sparkline', 'data-months': points.length, 'data-max': max,
  });
  svg.append(svgEl('title', {}, options.label), hatchDefs());
  const pad = 3;
  const x = scalePoint<string>().domain(options.months).range([pad, width - pad]);
  const y = scaleLinear().domain([0, Math.max(1, max)]).range([height - pad, pad]);
  const step = points.length > 1 ? x.step() : width - 2 * pad;
  const px = (p: Point) => round(x(p.month) ?? width / 2);
  const py = (p: Point) => round(y(p.cases ?? 0));
  for (const p of points) {
    if (p.cases !== null) continue;
    svg.append(svgEl('rect', { x: round(px(p) - step / 2), y: 0, width: round(step), height, fill: hatchFill, 'data-suppressed': 'true' }));
  }
  const known = (p: Point) => p.cases !== null;
  const areaPath = area<Point>().defined(known).x(px).y0(y(0)).y1(py)(points);
  const linePath = line<Point>().defined(known).x(px).y(py)(points);
  if (areaPath) svg.append(svgEl('path', { d: areaPath, fill: PALETTE.blue, 'fill-opacity': 0.15, stroke: 'none' }));
  if (linePath) svg.append(svgEl('path', { d: linePath, fill: 'none', stroke: PALETTE.blue, 'stroke-width': 1.5 }));
  // A month between two gaps has no line segment, so it needs a dot to be seen at all.
  const knownAt = (i: number) => points[i]?.cases != null;
  points.forEach((p, i) => {
    if (knownAt(i) && !knownAt(i - 1) && !knownAt(i + 1)) svg.append(svgEl('circle', { cx: px(p), cy: py(p), r: 1.5, fill: PALETTE.blue }));
  });
  const last = points.findLast(known);
  if (last) svg.append(svgEl('circle', { cx: px(last), cy: py(last), r: 2.5, fill: PALETTE.vermillion, 'data-last': last.cases ?? 0 }));
  return svg;
}
