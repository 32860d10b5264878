import { FONT_FAMILY, PALETTE, svgEl } from './svg.ts';

export interface FrameOptions {
  width: number;
  height: number;
  title: string;
  /** Source line and suppression note; '\n' starts a new line. */
  footnote: string;
  /** Room for axes: top/bottom are added below the title and above the footnote, left/right from the edges. */
  margin?: Partial<{ top: number; right: number; bottom: number; left: number }>;
}

export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Frame {
  svg: SVGSVGElement;
  plot: PlotArea;
  /** Draws nodes above the footnote in document order, so the footnote's last line stays the svg's last text. */
  add(...nodes: SVGElement[]): void;
}

export const HATCH_ID = 'suppressed-hatch';
export const hatchFill = `url(#${HATCH_ID})`;

/** Title and footnote start at the same edge whatever room the axes take. */
const EDGE = 12;
const TITLE_BASELINE = 20;
const TITLE_BLOCK = 28;
const FOOT_LINE = 13;
const FOOT_SIZE = 10;

/** The hatch for suppressed counts; the id is fixed so every copy on a page draws the same. */
export function hatchDefs(): SVGDefsElement {
  const defs = svgEl('defs');
  const hatch = svgEl('pattern', { id: HATCH_ID, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(svgEl('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: PALETTE.grey, 'stroke-width': 2 }));
  defs.append(hatch);
  return defs;
}

/** Lines of the footnote, for callers that size the chart from its content. */
export function footnoteLines(footnote: string): string[] {
  return footnote === '' ? [] : footnote.split('\n');
}

/** Height the title and footnote take (margins not included), so charts whose height follows their rows can add it. */
export function frameChrome(footnote: string): number {
  const lines = footnoteLines(footnote).length;
  return TITLE_BLOCK + (lines ? 8 + (lines - 1) * FOOT_LINE + FOOT_SIZE : 0);
}

/** The plenary frame: accessible name, white ground, title on top, footnote at the bottom — all inside the SVG so they survive pasting. */
export function frame(options: FrameOptions): Frame {
  const { width, height } = options;
  const margin = { top: 8, right: EDGE, bottom: 8, left: EDGE, ...options.margin };
  const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'font-family': FONT_FAMILY });
  const lines = footnoteLines(options.footnote);
  svg.append(
    svgEl('title', {}, options.title),
    hatchDefs(),
    svgEl('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
    svgEl('text', { x: EDGE, y: TITLE_BASELINE, 'font-size': 14, 'font-weight': 'bold', fill: '#222' }, options.title),
  );
  const footTop = height - (frameChrome(options.footnote) - TITLE_BLOCK);
  const footnote = lines.map((line, i) =>
    svgEl('text', { x: EDGE, y: height - 8 - (lines.length - 1 - i) * FOOT_LINE, 'font-size': FOOT_SIZE, fill: '#555' }, line),
  );
  svg.append(...footnote);
  const top = TITLE_BLOCK + margin.top;
  const plot = {
    left: margin.left,
    top,
    width: Math.max(0, width - margin.left - margin.right),
    height: Math.max(0, footTop - margin.bottom - top),
  };
  const anchor = footnote[0] ?? null;
  return { svg, plot, add: (...nodes) => nodes.forEach((node) => svg.insertBefore(node, anchor)) };
}
