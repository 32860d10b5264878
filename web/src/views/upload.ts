import { api, ApiFailure, csrf, type ApiErrorBody } from '../api.ts';
import type { Context } from '../context.ts';
import { el, textTable } from '../dom.ts';
import { followJob, JobFailure } from '../job-progress.ts';
import { mappingStep, type ColumnMapping, type UploadPreview } from './upload-mapping.ts';

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

interface UploadChoice {
  sheet?: string | null;
  mapping?: ColumnMapping;
}

/** A multipart POST of the file and its choices; the answer's JSON, or an ApiFailure in the server's words. */
async function postFile<T>(path: string, file: File, choice: UploadChoice): Promise<T> {
  const form = new FormData();
  form.set('file', file);
  if (choice.sheet) form.set('sheet', choice.sheet);
  if (choice.mapping) form.set('mapping', JSON.stringify(choice.mapping));
  const res = await fetch(path, { method: 'POST', body: form, headers: { 'x-csrf-token': csrf() ?? '' }, credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({ code: 'bad_response', message: '送信できませんでした。', requestId: '' }))) as T | ApiErrorBody;
  if (!res.ok) throw new ApiFailure(res.status, body as ApiErrorBody);
  return body as T;
}

/**
 * Upload a CSV or an Excel workbook: pick or drop a file; when its columns are not the standard
 * ones, map them (the secretariat keeps the mapping for the next files); when a workbook has
 * several sheets of records, choose one; watch the progress, read the report; past uploads below.
 */
export async function uploadView(main: HTMLElement, ctx: Context): Promise<void> {
  const past = el('div', { attrs: { id: 'past-uploads' } }, await pastUploads());
  const input = el('input', { attrs: { id: 'csv-file', type: 'file', accept: '.csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
  const progress = el('progress', { attrs: { id: 'upload-progress', max: '1', value: '0' } });
  const stage = el('p', { attrs: { id: 'upload-stage', role: 'status' } });
  const result = el('div', { attrs: { id: 'upload-result' } });
  const step = el('div', { attrs: { id: 'upload-step' } });
  const drop = el('div', { className: 'drop', text: 'ここに CSV ファイルか Excel ブック（.xlsx）をドロップするか、下で選んでください。', attrs: { tabindex: '0', role: 'button' } });

  const send = async (file: File, choice: UploadChoice) => {
    step.replaceChildren();
    result.replaceChildren();
    stage.textContent = '送信しています…';
    const { jobId } = await postFile<{ jobId: string }>('/api/uploads', file, choice);
    const report = await followJob<Report>(jobId, progress, stage).catch((error: unknown) => {
      if (error instanceof JobFailure && error.retry) result.replaceChildren(retryButton(file, choice));
      return null;
    });
    if (!report) return;
    result.replaceChildren(reportView(report));
    past.replaceChildren(await pastUploads());
  };
  /** After an upload cut short (the server stopped), the same file once more, without choosing it again. */
  const retryButton = (file: File, choice: UploadChoice) => {
    const again = el('button', { text: `「${file.name}」をもう一度取り込む`, attrs: { type: 'button', 'data-retry-upload': '' } });
    again.addEventListener('click', () => run(() => send(file, choice)));
    return el('p', {}, again);
  };
  const run = (work: () => Promise<void>) => {
    work().catch((error: unknown) => (stage.textContent = error instanceof ApiFailure ? error.body.message : '送信できませんでした。'));
  };
  /** Reads the file's header first: straight on when it is the standard one, else the choices it needs. */
  const prepare = async (file: File, sheet: string | null) => {
    step.replaceChildren();
    result.replaceChildren();
    stage.textContent = 'ファイルの見出しを確かめています…';
    const preview = await postFile<UploadPreview>('/api/uploads/preview', file, { sheet });
    const choosing = preview.sheets.length > 1;
    if (preview.headerProblem === null && !choosing) return send(file, { sheet: preview.sheet });
    stage.textContent = '';
    const saving = ctx.role === 'secretariat';
    const confirm = (mapping: ColumnMapping) =>
      run(async () => {
        if (saving) await api('POST', '/api/settings/header-aliases', { mapping });
        await send(file, { sheet: preview.sheet, mapping });
      });
    const upload = el('button', { text: `シート「${preview.sheet ?? ''}」を取り込む`, attrs: { type: 'button', id: 'sheet-upload' } });
    upload.addEventListener('click', () => run(() => send(file, { sheet: preview.sheet })));
    step.replaceChildren(
      choosing ? sheetChooser(preview, (name) => run(() => prepare(file, name))) : el('span'),
      preview.headerProblem === null ? el('p', {}, upload) : mappingStep(preview, saving, confirm),
    );
  };
  const start = (file: File | undefined) => {
    if (file) run(() => prepare(file, null));
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
    step,
    progress,
    stage,
    result,
    past,
  );
}

/** A workbook's sheets of records, the one shown selected; another choice reads that sheet's header. */
function sheetChooser(preview: UploadPreview, choose: (sheet: string) => void): HTMLElement {
  const select = el('select', { attrs: { id: 'upload-sheet' } }, ...preview.sheets.map((name) => el('option', { text: name, attrs: { value: name } })));
  select.value = preview.sheet ?? '';
  select.addEventListener('change', () => choose(select.value));
  return el('p', {}, el('label', { text: 'このブックには事例の表のシートが複数あります。読むシート: ', attrs: { for: 'upload-sheet' } }), select);
}
