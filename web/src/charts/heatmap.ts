import { color, interpolateBlues, scaleSequential } from 'd3';
import { frame, frameChrome, hatchFill } from './frame.ts';
import { round, svgEl, textWidth } from './svg.ts';

export interface HeatCell {
  row: string;
  column: string;
  cases: number | null;
  suppressed: boolean;
}

export interface HeatmapOptions {
  /** 地区, top to bottom. */
  rows: readonly string[];
  /** 障害種別, left to right. */
  columns: readonly string[];
  width: number;
  title: string;
  footnote: string;
  rowLabel: string;
  columnLabel: string;
}

const CELL_HEIGHT = 28;
const HEADER = 36;
const LEGEND = 30;
const LEGEND_STEPS = 6;

/** WCAG relative luminance, to choose a label colour that stays legible on the cell. */
function luminance(fill: string): number {
  const rgb = color(fill)?.rgb();
  if (!rgb) return 1;
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(rgb.r) + 0.7152 * channel(rgb.g) + 0.0722 * channel(rgb.b);
}

/** Cases by area and disability type; suppressed cells are hatched and marked X, never shown as 0. */
export function heatmap(cells: readonly HeatCell[], options: HeatmapOptions): SVGSVGElement {
  const { rows, columns } = options;
  const height = frameChrome(options.footnote) + 8 + HEADER + rows.length * CELL_HEIGHT + LEGEND;
  const labelWidth = Math.ceil(Math.max(textWidth(options.rowLabel, 11), ...rows.map((r) => textWidth(r, 11)))) + 10;
  const { svg, plot, add } = frame({ ...options, height, margin: { left: 12 + labelWidth, top: 8 + HEADER, bottom: LEGEND } });
  const byKey = new Map(cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
  const lookup = (row: string, column: string) => byKey.get(`${row}\u0000${column}`) ?? { row, column, cases: 0, suppressed: false };
  const max = Math.max(0, ...cells.map((c) => (c.suppressed ? 0 : (c.cases ?? 0))));
  // Starting the ramp above 0 keeps the smallest shown count distinguishable from the white zero.
  const shade = scaleSequential((t: number) => interpolateBlues(0.15 + 0.85 * t)).domain([0, Math.max(1, max)]);
  const fillFor = (cases: number) => (cases === 0 ? '#ffffff' : (color(shade(cases))?.formatHex() ?? '#ffffff'));
  const cellWidth = columns.length ? plot.width / columns.length : 0;

  add(
    svgEl('text', { x: 12, y: plot.top - 8, 'font-size': 11, 'font-weight': 'bold' }, options.rowLabel),
    svgEl('text', { x: round(plot.left + plot.width / 2), y: plot.top - HEADER + 10, 'font-size': 11, 'font-weight': 'bold', 'text-anchor': 'middle' }, options.columnLabel),
  );
  columns.forEach((column, j) => {
    add(svgEl('text', { x: round(plot.left + (j + 0.5) * cellWidth), y: plot.top - 8, 'font-size': 11, 'text-anchor': 'middle' }, column));
  });
  rows.forEach((row, i) => {
    const top = plot.top + i * CELL_HEIGHT;
    add(svgEl('text', { x: 12, y: top + CELL_HEIGHT / 2 + 4, 'font-size': 11 }, row));
    columns.forEach((column, j) => {
      const cell = lookup(row, column);
      const left = round(plot.left + j * cellWidth);
      const rect = svgEl('rect', { x: left, y: top, width: round(cellWidth), height: CELL_HEIGHT, stroke: '#d0d0d0', 'stroke-width': 0.5, 'data-row': row, 'data-column': column });
      const cases = cell.cases ?? 0;
      const fill = cell.suppressed ? hatchFill : fillFor(cases);
      rect.setAttribute('fill', fill);
      rect.setAttribute(cell.suppressed ? 'data-suppressed' : 'data-cases', cell.suppressed ? 'true' : String(cases));
      const ink = cell.suppressed || luminance(fill) > 0.4 ? '#222' : '#fff';
      add(
        rect,
        svgEl('text', { x: round(left + cellWidth / 2), y: top + CELL_HEIGHT / 2 + 4, 'font-size': 11, 'text-anchor': 'middle', fill: ink, 'data-row': row, 'data-column': column }, cell.suppressed ? 'X' : String(cases)),
      );
    });
  });

  const legendTop = plot.top + plot.height + 10;
  const swatch = 18;
  add(svgEl('text', { x: plot.left - 4, y: legendTop + 10, 'font-size': 10, 'text-anchor': 'end' }, '0'));
  for (let k = 0; k < LEGEND_STEPS; k += 1) {
    const fill = fillFor((max * k) / (LEGEND_STEPS - 1));
    add(svgEl('rect', { x: plot.left + k * swatch, y: legendTop, width: swatch, height: 12, fill, stroke: '#d0d0d0', 'stroke-width': 0.5 }));
  }
  const after = plot.left + LEGEND_STEPS * swatch;
  add(svgEl('text', { x: after + 4, y: legendTop + 10, 'font-size': 10 }, `${max} 件`));
  if (cells.some((c) => c.suppressed)) {
    add(
      svgEl('rect', { x: after + 60, y: legendTop, width: swatch, height: 12, fill: hatchFill, stroke: '#d0d0d0', 'stroke-width': 0.5 }),
      svgEl('text', { x: after + 60 + swatch + 4, y: legendTop + 10, 'font-size': 10 }, 'X: 非表示'),
    );
  }
  return svg;
}
