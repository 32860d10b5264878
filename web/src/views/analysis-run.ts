import { api, ApiFailure } from '../api.ts';
import { el } from '../dom.ts';
import { followJob } from '../job-progress.ts';

export interface AnalysisResult {
  cases: number;
  themes: number;
  unassigned: number;
  vanished: string[];
}

/** Starts an analysis of the cases stored so far and follows it on `progress` and `line`. */
export function runAnalysis(progress: HTMLProgressElement, line: HTMLElement): Promise<AnalysisResult> {
  return api<{ jobId: string }>('POST', '/api/analysis', {}).then(({ jobId }) => followJob<AnalysisResult>(jobId, progress, line));
}

export const analysedLine = (r: AnalysisResult): string => `分析しました: 事例 ${r.cases} 件から テーマ ${r.themes} 件（どのテーマにも入らない事例 ${r.unassigned} 件）。`;

/** The button that runs the analysis on the cases stored so far, with its progress; `done` redraws. */
export function analysisRun(done: () => void): HTMLElement {
  const button = el('button', { text: '最新の事例で分析する', attrs: { type: 'button', 'data-run-analysis': '' } });
  const progress = el('progress', { attrs: { max: '1', value: '0' } });
  const line = el('span', { attrs: { role: 'status', 'data-analysis-status': '' } });
  progress.hidden = true;
  button.addEventListener('click', () => {
    button.disabled = true;
    progress.hidden = false;
    line.textContent = '分析を始めています…';
    runAnalysis(progress, line)
      .then((r) => {
        line.textContent = analysedLine(r);
        done();
      })
      .catch((error: unknown) => (line.textContent = error instanceof ApiFailure ? error.body.message : error instanceof Error ? error.message : '分析できませんでした。'))
      .finally(() => (button.disabled = false));
  });
  return el('div', { className: 'analysis-run no-print' }, button, progress, line);
}
