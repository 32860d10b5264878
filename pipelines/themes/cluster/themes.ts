/** Groups of at least `minSize`, renumbered 0.. by decreasing size (ties: first row first); the rest -1. */
export function keepLargeGroups(groups: Int32Array, minSize: number): { assignment: Int32Array; themes: number } {
  const sizes = new Map<number, { size: number; first: number }>();
  groups.forEach((g, r) => {
    if (g < 0) return;
    const entry = sizes.get(g);
    if (entry) entry.size++;
    else sizes.set(g, { size: 1, first: r });
  });
  const kept = [...sizes]
    .filter(([, s]) => s.size >= minSize)
    .sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first)
    .map(([g]) => g);
  const index = new Map(kept.map((g, i) => [g, i]));
  return { assignment: groups.map((g) => index.get(g) ?? -1), themes: kept.length };
}

/**
 * Found themes (index ≥ guided) left with fewer than `minSize` cases dissolve, their cases
 * unassigned; guides stay whatever their size. Found themes are renumbered after the
 * guides by decreasing size.
 */
export function dissolveSmall(assignment: Int32Array, guided: number, minSize: number): { assignment: Int32Array; themes: number } {
  const found = assignment.map((t) => (t >= guided ? t - guided : -1));
  const kept = keepLargeGroups(found, minSize);
  const out = assignment.map((t, r) => (t < 0 ? -1 : t < guided ? t : kept.assignment[r] === -1 ? -1 : guided + (kept.assignment[r] as number)));
  return { assignment: out, themes: guided + kept.themes };
}
