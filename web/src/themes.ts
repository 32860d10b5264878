/** A theme as the board and the print view receive it from /api/themes. */
export type Count = number | { value: number } | { suppressed: true; marker: string };

export interface ThemeAction {
  action: string;
  label: string;
  field?: string;
  required?: boolean;
}

export interface ThemeRow {
  theme_id: string;
  name: string;
  status: string;
  subcommittee: string | null;
  /** The council's changes to the theme so far: every action names the one it was decided on. */
  revision?: number;
  suggested_subcommittee?: string | null;
  routing_reason?: string | null;
  routing_confidence?: number | null;
  case_count?: Count;
  org_count?: Count;
  area_count?: Count;
  period_count?: Count;
  /** Cases of other themes that touch this one second (not counted in its rank). */
  secondary_count?: Count;
  first_seen?: string;
  last_seen?: string;
  trend?: number;
  actions?: ThemeAction[];
  /** The broad area (upper level) the latest run put the theme in, its name and order. */
  issue_area?: string | null;
  issue_area_label?: string | null;
  issue_area_position?: number | null;
}

/** A count as shown: a suppressed one as its marker, never as zero. */
export function shownCount(count: Count | undefined): string {
  if (count === undefined) return '—';
  if (typeof count === 'number') return String(count);
  return 'suppressed' in count ? count.marker : String(count.value);
}

/** The subcommittee the council chose, or the one suggested. */
export const subcommitteeOf = (t: ThemeRow): string | null => t.subcommittee ?? t.suggested_subcommittee ?? null;

/** Why mieruka suggests this subcommittee, in words a meeting reads aloud. */
export function routingWhy(t: ThemeRow): string {
  if (t.subcommittee) return `調整会議が「${t.subcommittee}」に依頼しました。`;
  if (!t.suggested_subcommittee) return '所掌の語に当てはまる専門部会がありません。調整会議で決めてください。';
  const terms = t.routing_reason ? `テーマの語（${t.routing_reason}）が「${t.suggested_subcommittee}」の所掌の語に当てはまります。` : '';
  const confidence = t.routing_confidence === null || t.routing_confidence === undefined ? '' : `確からしさ ${Math.round(t.routing_confidence * 100)}%。`;
  return `提案: ${t.suggested_subcommittee}。${terms}${confidence}`;
}
