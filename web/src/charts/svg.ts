const NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes; text only ever as text. */
export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Okabe–Ito, safe for colour-blind readers. */
export const PALETTE = { blue: '#0072B2', orange: '#E69F00', grey: '#999999', vermillion: '#D55E00' } as const;

export const FONT_FAMILY = "'Noto Sans CJK JP', 'Noto Sans JP', sans-serif";

/**
 * Rough width of a label in px without measuring: the chart is built before it is in the
 * page, so getBBox() is not available. Full-width characters take a whole em.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) > 0xff ? 1 : 0.6;
  return em * fontSize;
}

/** One decimal is plenty on paper and keeps the markup (and equality checks) stable. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
