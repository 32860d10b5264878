export interface FootnoteInput {
  /** e.g. '2024-01〜2024-12'; null when the figure is not tied to a period. */
  period: string | null;
  /** The council's suppression threshold: counts below it are hidden. */
  threshold: number;
  /** Whether the figure hides any count, which readers must be told. */
  suppressed: boolean;
}

/** The footnote every plenary figure carries: source and period, and what the hatching means when anything is hidden. */
export function plenaryFootnote({ period, threshold, suppressed }: FootnoteInput): string {
  const source = `出典: mieruka（個別支援会議の記録から集計）${period ? `　期間: ${period}` : ''}`;
  return suppressed ? `${source}\n斜線・X: 1〜${threshold - 1} 件（少数のため非表示）` : source;
}
