import { ApiFailure, csrf } from '../api.ts';
import { el } from '../dom.ts';

interface Issue {
  line: number;
  recordId: string | null;
  column: string | null;
  severity: 'error' | 'warning';
  message: string;
}
interface Finding {
  line: number;
  recordId: string | null;
  column: string;
  kind: string;
}
interface Report {
  file: string;
  rows: number;
  accepted: number;
  skipped: number;
  rejected: number;
  issues: Issue[];
  pii: Finding[];
}

const KINDS: Record<string, string> = { name: '氏名', phone: '電話番号', postal: '郵便番号', address: '住所', birthdate: '生年月日', email: 'メールアドレス', id_number: '個人番号など' };
const STAGES: Record<string, string> = { parse: '読み込み', validate: '検査', tokenize: '形態素解析', store: '保存' };

function table(headers: string[], rows: string[][]): HTMLTableElement {
  return el(
    'table',
    { className: 'report' },
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((cell) => el('td', { text: cell }))))),
  );
}

function reportView(r: Report): HTMLElement {
  const refused = r.issues.filter((i) => i.severity === 'error');
  const warnings = r.issues.filter((i) => i.severity === 'warning');
  return el(
    'section',
    { className: 'upload-report', attrs: { 'aria-live': 'polite' } },
    el('h3', { text: `${r.file}: ${r.rows} 件のうち 取り込み ${r.accepted} 件、省略 ${r.skipped} 件、取り込めなかった行 ${r.rejected} 件` }),
    refused.length ? el('h4', { text: '取り込めなかった行' }) : null,
    refused.length ? table(['行', '記録ID', '列', '理由'], refused.map((i) => [String(i.line), i.recordId ?? '', i.column ?? '', i.message])) : null,
    warnings.length ? el('h4', { text: '注意' }) : null,
    warnings.length ? table(['行', '記録ID', '列', '内容'], warnings.map((i) => [String(i.line), i.recordId ?? '', i.column ?? '', i.message])) : null,
    r.pii.length ? el('h4', { text: '伏せ字にした個人情報（種類と場所。内容は保存していません）' }) : null,
    r.pii.length ? table(['行', '記録ID', '列', '種類'], r.pii.map((p) => [String(p.line), p.recordId ?? '', p.column, KINDS[p.kind] ?? p.kind])) : null,
  );
}

/** Upload a CSV: pick or drop a file, watch the progress, read the report. */
export function uploadView(main: HTMLElement): void {
  const input = el('input', { attrs: { id: 'csv-file', type: 'file', accept: '.csv,text/csv' } });
  const progress = el('progress', { attrs: { id: 'upload-progress', max: '1', value: '0' } });
  const stage = el('p', { attrs: { id: 'upload-stage', role: 'status' } });
  const result = el('div', { attrs: { id: 'upload-result' } });
  const drop = el('div', { className: 'drop', text: 'ここに CSV ファイルをドロップするか、下で選んでください。', attrs: { tabindex: '0' } });

  const send = async (file: File) => {
    result.replaceChildren();
    stage.textContent = '送信しています…';
    const form = new FormData();
    form.set('file', file);
    const res = await fetch('/api/uploads', { method: 'POST', body: form, headers: { 'x-csrf-token': csrf() ?? '' }, credentials: 'same-origin' });
    const body = (await res.json()) as { jobId?: string; message?: string };
    if (!res.ok || !body.jobId) {
      stage.textContent = body.message ?? '送信できませんでした。';
      return;
    }
    const events = new EventSource(`/api/jobs/${body.jobId}/events`);
    events.addEventListener('progress', (e) => {
      const p = JSON.parse((e as MessageEvent<string>).data) as { stage: string; done: number; total: number };
      stage.textContent = `${STAGES[p.stage] ?? p.stage}中… ${p.done}/${p.total}`;
      progress.max = Math.max(1, p.total);
      progress.value = p.done;
    });
    events.addEventListener('done', (e) => {
      events.close();
      progress.value = progress.max;
      stage.textContent = '完了しました。';
      result.replaceChildren(reportView(JSON.parse((e as MessageEvent<string>).data) as Report));
    });
    events.addEventListener('failed', (e) => {
      events.close();
      stage.textContent = (JSON.parse((e as MessageEvent<string>).data) as { message: string }).message;
    });
  };
  const start = (file: File | undefined) => {
    if (file) send(file).catch((error: unknown) => (stage.textContent = error instanceof ApiFailure ? error.body.message : '送信できませんでした。'));
  };
  input.addEventListener('change', () => start(input.files?.[0]));
  drop.addEventListener('dragover', (e) => e.preventDefault());
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    start(e.dataTransfer?.files[0]);
  });
  main.replaceChildren(
    el('h2', { text: '事例記録の取り込み' }),
    el('p', {}, el('a', { text: '記入用の CSV テンプレートをダウンロード', attrs: { href: '/api/template.csv', download: 'mieruka-template.csv' } })),
    drop,
    el('label', { text: 'CSV ファイル', attrs: { for: 'csv-file' } }),
    input,
    progress,
    stage,
    result,
  );
}
