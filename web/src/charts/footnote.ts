export interface FootnoteInput {
  /** e.g. '2024-01〜2024-12'; null when the figure is not tied to a period. */
  period: string | null;
  /** The council's suppression threshold: counts below it are hidden. */
  threshold: number;
  /** Whether the figure hides any count, which readers must be told. */
  suppressed: boolean;
  /** Drawn for the meeting with every count: a saved copy must say it is not for publication. */
  internal?: boolean;
}

const INTERNAL_NOTE = '協議会内部用: 少数の件数も表示しています（全体会には「全体会の資料」の図を）';

/** The footnote every figure carries: source and period, what the hatching means when anything is hidden, and whether it is internal. */
export function plenaryFootnote({ period, threshold, suppressed, internal = false }: FootnoteInput): string {
  const source = `出典: mieruka（個別支援会議の記録から集計）${period ? `　期間: ${period}` : ''}`;
  const lines = [source, ...(suppressed ? [`斜線・X: 1〜${threshold - 1} 件（少数のため非表示）`] : []), ...(internal ? [INTERNAL_NOTE] : [])];
  return lines.join('\n');
}
