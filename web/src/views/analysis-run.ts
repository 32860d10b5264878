import { api, ApiFailure } from '../api.ts';
import { el } from '../dom.ts';
import { followJob } from '../job-progress.ts';

interface AnalysisResult {
  cases: number;
  themes: number;
  unassigned: number;
  vanished: string[];
}

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
    api<{ jobId: string }>('POST', '/api/analysis', {})
      .then(({ jobId }) => followJob<AnalysisResult>(jobId, progress, line))
      .then((r) => {
        line.textContent = `分析しました: 事例 ${r.cases} 件から テーマ ${r.themes} 件（どのテーマにも入らない事例 ${r.unassigned} 件）。`;
        done();
      })
      .catch((error: unknown) => (line.textContent = error instanceof ApiFailure ? error.body.message : error instanceof Error ? error.message : '分析できませんでした。'))
      .finally(() => (button.disabled = false));
  });
  return el('div', { className: 'analysis-run no-print' }, button, progress, line);
}
