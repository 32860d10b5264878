import type { ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';

const REVIEW_QUEUE = sqlFile(import.meta.url, 'sql/review-queue.sql');

/** A case the meeting may want to look at: in a theme it fits little better than another, or unassigned yet near a theme. */
export interface ReviewItem {
  recordId: string;
  /** Its theme, or null when unassigned. */
  themeId: string | null;
  similarity: number;
  /** The nearest other theme (for an unassigned case, the nearest theme) and its cosine. */
  otherTheme: string | null;
  otherSimilarity: number;
}

/**
 * The order the meeting's few minutes are best spent in: one case of each theme in turn,
 * each theme's least certain member first (the smallest margin over its nearest other
 * theme), then the unassigned cases nearest a theme.
 */
export function reviewOrder(items: readonly ReviewItem[]): ReviewItem[] {
  const byTheme = new Map<string, ReviewItem[]>();
  const unassigned: ReviewItem[] = [];
  for (const item of items) {
    if (item.themeId === null) {
      unassigned.push(item);
      continue;
    }
    const list = byTheme.get(item.themeId) ?? [];
    list.push(item);
    byTheme.set(item.themeId, list);
  }
  const margin = (i: ReviewItem) => i.similarity - i.otherSimilarity;
  const lists = [...byTheme.keys()].sort().map((id) => (byTheme.get(id) as ReviewItem[]).sort((a, b) => margin(a) - margin(b) || a.recordId.localeCompare(b.recordId)));
  const order: ReviewItem[] = [];
  for (let rank = 0; order.length < items.length - unassigned.length; rank++) for (const list of lists) if (list[rank]) order.push(list[rank] as ReviewItem);
  return order.concat([...unassigned].sort((a, b) => b.otherSimilarity - a.otherSimilarity || a.recordId.localeCompare(b.recordId)));
}

/** Every case of run `runId` the meeting may review, in `reviewOrder`. */
export async function reviewQueue(scope: ReadScope, runId: string): Promise<ReviewItem[]> {
  const rows = await scope.rows(REVIEW_QUEUE, [runId]);
  return reviewOrder(
    rows.map((r) => ({
      recordId: String(r.record_id),
      themeId: r.theme_id === null ? null : String(r.theme_id),
      similarity: Number(r.similarity),
      otherTheme: r.other_theme === null ? null : String(r.other_theme),
      otherSimilarity: r.other_similarity === null ? 0 : Number(r.other_similarity),
    })),
  );
}
