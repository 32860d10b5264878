import { el } from '../dom.ts';
import type { ThemeRow } from '../themes.ts';

export interface AreaGroup {
  /** null for themes the run put in no area (an older run's). */
  id: string | null;
  label: string;
  /** The group's themes with their rank on the whole board. */
  themes: Array<{ theme: ThemeRow; rank: number }>;
}

/**
 * The board's themes under their broad areas, the areas in the run's order (most cases
 * first), each theme keeping its rank among all themes.
 */
export function groupByArea(themes: readonly ThemeRow[]): AreaGroup[] {
  const groups = new Map<string | null, AreaGroup & { position: number }>();
  themes.forEach((theme, i) => {
    const id = theme.issue_area ?? null;
    let group = groups.get(id);
    if (!group) {
      group = { id, label: theme.issue_area_label ?? 'その他', themes: [], position: theme.issue_area_position ?? Number.MAX_SAFE_INTEGER };
      groups.set(id, group);
    }
    group.themes.push({ theme, rank: i + 1 });
  });
  return [...groups.values()].sort((a, b) => a.position - b.position).map(({ position: _position, ...group }) => group);
}

/**
 * An area's heading row: its name, how many themes and cases it holds, and a button that
 * folds its themes away or opens them again.
 */
export function areaHeading(group: AreaGroup, columns: number, rows: readonly HTMLTableRowElement[]): HTMLTableRowElement {
  const cases = group.themes.reduce((n, { theme }) => n + (typeof theme.case_count === 'number' ? theme.case_count : 0), 0);
  const suppressed = group.themes.some(({ theme }) => typeof theme.case_count !== 'number');
  // A total over suppressed counts would give them away: then only the number of themes.
  const counts = suppressed ? `${group.themes.length} テーマ` : `${group.themes.length} テーマ・${cases} 事例`;
  const title = group.id === null ? group.label : `${group.id} ${group.label}`;
  const toggle = el('button', { className: 'no-print', text: '畳む', attrs: { type: 'button', 'aria-expanded': 'true', 'data-toggle-area': group.id ?? '' } });
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    for (const row of rows) row.hidden = !open || row.classList.contains('actions-row');
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? '畳む' : '開く';
  });
  return el(
    'tr',
    { className: 'area-row', attrs: { 'data-area': group.id ?? '' } },
    el('th', { attrs: { colspan: String(columns), scope: 'rowgroup' } }, el('span', { text: `分野 ${title}` }), el('small', { text: `（${counts}）` }), toggle),
  );
}
