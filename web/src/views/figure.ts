import { downloadPng, downloadSvg } from '../charts/export-chart.ts';
import { el } from '../dom.ts';

/** A chart as the secretariat takes it into plenary materials: drawn, then saved as SVG or PNG. */
export function figure(svg: SVGSVGElement, name: string): HTMLElement {
  const message = el('p', { className: 'error', attrs: { role: 'alert' } });
  const svgButton = el('button', { text: 'SVG で保存', attrs: { type: 'button', 'data-export': 'svg' } });
  svgButton.addEventListener('click', () => downloadSvg(svg, `${name}.svg`));
  const pngButton = el('button', { text: 'PNG で保存（印刷用）', attrs: { type: 'button', 'data-export': 'png' } });
  pngButton.addEventListener('click', () => void downloadPng(svg, `${name}.png`).catch((e: Error) => (message.textContent = e.message)));
  return el('figure', { className: 'chart', attrs: { 'data-chart': name } }, svg, el('div', { className: 'actions no-print' }, svgButton, pngButton), message);
}
