import { api, ApiFailure, csrf } from '../api.ts';
import { el, textTable } from '../dom.ts';
import { followJob, JobFailure } from '../job-progress.ts';

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

const table = (headers: readonly string[], rows: ReadonlyArray<readonly string[]>) => textTable(headers, rows, 'report');

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

interface PastUpload {
  upload_id: string;
  file_name: string;
  rows: number;
  accepted: number;
  skipped: number;
  rejected: number;
  uploaded_at: string;
}

/** The uploads so far (a case worker's own; all for the meeting), newest first. */
async function pastUploads(): Promise<HTMLElement> {
  const { uploads } = await api<{ uploads: PastUpload[] }>('GET', '/api/uploads');
  return el(
    'section',
    { className: 'past-uploads' },
    el('h3', { text: 'これまでの取り込み' }),
    uploads.length === 0
      ? el('p', { text: 'まだ取り込みはありません。' })
      : table(
          ['日時', 'ファイル', '行数', '取り込み', '省略', '取り込めなかった行'],
          uploads.map((u) => [u.uploaded_at.replace('T', ' ').slice(0, 16), u.file_name, String(u.rows), String(u.accepted), String(u.skipped), String(u.rejected)]),
        ),
  );
}

/** Upload a CSV: pick or drop a file, watch the progress, read the report; past uploads below. */
export async function uploadView(main: HTMLElement): Promise<void> {
  const past = el('div', { attrs: { id: 'past-uploads' } }, await pastUploads());
  const input = el('input', { attrs: { id: 'csv-file', type: 'file', accept: '.csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
  const progress = el('progress', { attrs: { id: 'upload-progress', max: '1', value: '0' } });
  const stage = el('p', { attrs: { id: 'upload-stage', role: 'status' } });
  const result = el('div', { attrs: { id: 'upload-result' } });
  const drop = el('div', { className: 'drop', text: 'ここに CSV ファイルか Excel ブック（.xlsx）をドロップするか、下で選んでください。', attrs: { tabindex: '0', role: 'button' } });

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
    const report = await followJob<Report>(body.jobId, progress, stage).catch((error: unknown) => {
      if (error instanceof JobFailure && error.retry) result.replaceChildren(retryButton(file));
      return null;
    });
    if (!report) return;
    result.replaceChildren(reportView(report));
    past.replaceChildren(await pastUploads());
  };
  /** After an upload cut short (the server stopped), the same file once more, without choosing it again. */
  const retryButton = (file: File) => {
    const again = el('button', { text: `「${file.name}」をもう一度取り込む`, attrs: { type: 'button', 'data-retry-upload': '' } });
    again.addEventListener('click', () => start(file));
    return el('p', {}, again);
  };
  const start = (file: File | undefined) => {
    if (file) send(file).catch((error: unknown) => (stage.textContent = error instanceof ApiFailure ? error.body.message : '送信できませんでした。'));
  };
  input.addEventListener('change', () => start(input.files?.[0]));
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('click', () => input.click());
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    start(e.dataTransfer?.files[0]);
  });
  main.replaceChildren(
    el('h2', { text: '事例記録の取り込み' }),
    el('p', {}, el('a', { text: '記入用の CSV テンプレートをダウンロード', attrs: { href: '/api/template.csv', download: 'mieruka-template.csv' } })),
    drop,
    el('label', { text: 'CSV ファイル / Excel ブック', attrs: { for: 'csv-file' } }),
    input,
    progress,
    stage,
    result,
    past,
  );
}
