/** Builds elements with text set as text: stored free text never becomes HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: Array<Node | null>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A table of plain text cells under one header row. */
export function textTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, className: string): HTMLTableElement {
  return el(
    'table',
    { className },
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((cell) => el('td', { text: cell }))))),
  );
}
