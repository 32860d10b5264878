import { el, textTable } from '../dom.ts';
import type { ThemeRow } from '../themes.ts';

export interface HistoryEntry {
  theme_id?: string;
  changed_at: string;
  changed_by: string | null;
  action: string;
  label: string;
  after_value?: string | null;
  /** The meeting the decision was taken in, when it was taken in one. */
  meeting_id?: string | null;
  meeting_kind?: string | null;
  meeting_held_on?: string | null;
}

/** What a decision left the theme as, read from the stored `after` value. */
function outcome(h: HistoryEntry): string {
  try {
    const after = JSON.parse(h.after_value ?? 'null') as { status?: string; subcommittee?: string | null; name?: string | null; recordId?: string; themeId?: string | null; correctionId?: number; caseIds?: string[] } | null;
    if (!after || typeof after !== 'object') return '';
    if (h.action === 'undo') return `修正 ${after.correctionId ?? ''} を取り消し（事例 ${after.caseIds?.length ?? 0} 件）`;
    if (after.recordId) return `${after.recordId} → ${after.themeId ?? '個別の事情'}`;
    if (h.action === 'refer' && after.subcommittee) return `→ ${after.subcommittee}`;
    if (h.action === 'rename' && after.name) return `→「${after.name}」`;
    return after.status ? `→ ${after.status}` : '';
  } catch {
    return '';
  }
}

/** The decision history as a table: when, which theme, what, by whom. */
export function decisionHistory(entries: readonly HistoryEntry[], themes: readonly ThemeRow[], title: string): HTMLElement {
  const names = new Map(themes.map((t) => [t.theme_id, t.name]));
  const acrossThemes = entries.some((h) => h.theme_id);
  const inMeetings = entries.some((h) => h.meeting_id);
  const headers = [...(acrossThemes ? ['日時', 'テーマ', '決定', '結果', '記録した人'] : ['日時', '決定', '結果', '記録した人']), ...(inMeetings ? ['会議'] : [])];
  const row = (h: HistoryEntry) => [
    h.changed_at.replace('T', ' ').slice(0, 16),
    ...(acrossThemes ? [h.theme_id ? `${h.theme_id} ${names.get(h.theme_id) ?? ''}`.trim() : ''] : []),
    h.label,
    outcome(h),
    h.changed_by ?? '',
    ...(inMeetings ? [h.meeting_id ? `${h.meeting_held_on ?? ''} ${h.meeting_kind ?? ''}`.trim() : ''] : []),
  ];
  return el(
    'section',
    { className: 'history' },
    el('h3', { text: title }),
    entries.length === 0 ? el('p', { text: 'まだ決定はありません。' }) : textTable(headers, entries.map(row), 'history'),
  );
}
