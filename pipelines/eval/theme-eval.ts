import type { ClusterMethod } from '../themes/cluster/types.ts';
import type { TokenizeMany } from '../text/tokenize-texts.ts';
import { ari, nmi } from './clustering-metrics.ts';
import { labelledVectors } from './labelled-vectors.ts';

export interface ThemeEvaluation {
  title: string;
  cases: number;
  labels: number;
  nmi: number;
  ari: number;
  /** NMI over the cases given a theme only. */
  nmiAssigned: number;
  themes: number;
  unassignedShare: number;
  loadSeconds: number;
  clusterSeconds: number;
}

/**
 * The theme method on a labelled corpus, not told the number of labels: NMI and ARI with
 * unassigned cases counted as one more cluster, NMI over the assigned cases alone, the
 * number of themes found, the unassigned share and the time.
 */
export async function evaluateThemes(
  title: string,
  casesPath: string,
  labelsPath: string | null,
  method: { name: string; cluster: ClusterMethod },
  tokenizeMany: TokenizeMany,
): Promise<ThemeEvaluation> {
  const { data, labels, seconds } = await labelledVectors(casesPath, labelsPath, tokenizeMany);
  const started = performance.now();
  const clustering = method.cluster(data, { seed: 1 });
  const clusterSeconds = (performance.now() - started) / 1000;
  const predicted = clustering.assignment.map(String);
  const assigned = clustering.assignment.flatMap((a, i) => (a >= 0 ? [i] : []));
  return {
    title,
    cases: labels.length,
    labels: new Set(labels).size,
    nmi: nmi(labels, predicted),
    ari: ari(labels, predicted),
    nmiAssigned: nmi(
      assigned.map((i) => labels[i] as string),
      assigned.map((i) => predicted[i] as string),
    ),
    themes: clustering.themes,
    unassignedShare: (labels.length - assigned.length) / Math.max(1, labels.length),
    loadSeconds: seconds,
    clusterSeconds,
  };
}

export function formatThemeEvaluation(e: ThemeEvaluation, method: string): string {
  return [
    `\nテーマ抽出 / themes — ${e.title} (${method}, k not given)`,
    `  事例 cases ${e.cases}, 正解ラベル labels ${e.labels} → テーマ themes ${e.themes}, 未分類 unassigned ${(100 * e.unassignedShare).toFixed(1)}%`,
    `  NMI ${e.nmi.toFixed(3)}  ARI ${e.ari.toFixed(3)}  (unassigned as one cluster);  NMI over assigned cases ${e.nmiAssigned.toFixed(3)}`,
    `  time: load ${e.loadSeconds.toFixed(1)} s, clustering ${e.clusterSeconds.toFixed(2)} s`,
  ].join('\n');
}
