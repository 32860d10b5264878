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
