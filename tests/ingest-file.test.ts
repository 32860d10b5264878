import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNCIL, type CouncilSettings } from '../pipelines/council/settings.ts';
import { ingestBytes, type IngestOutcome } from '../pipelines/ingest/ingest-file.ts';
import { IngestFatalError, type PiiMode } from '../pipelines/ingest/issues.ts';
import { caseCsv, caseRow, utf8 } from './helpers/case-csv.ts';

function ingest(text: string, settings: CouncilSettings = DEFAULT_COUNCIL, piiMode: PiiMode = 'mask'): IngestOutcome {
  return ingestBytes(utf8(text), { fileName: 'cases.csv', settings, piiMode, today: '2026-11-21' });
}

const brief = (o: IngestOutcome) => o.issues.map((i) => [i.line, i.recordId, i.column, i.severity, i.code]);
const header = caseCsv([]).trimEnd();
const line = (id: string, overrides = {}) => caseCsv([caseRow(id, overrides)]).split('\r\n')[1];

describe('ingestBytes: one file with every kind of fault', () => {
  const text = [
    header,
    line('K-0001'), // 2
    line('K-0002', { 障害種別: '知的障害' }), // 3 alias
    line('K-0003', { 会議日: '2024/13/40' }), // 4
    line('K-0004', { 会議日: '令和6年2月30日' }), // 5
    line('K-0005', { 会議日: '2023/02/29' }), // 6
    line('K-0006', { 年齢層: '47歳' }), // 7
    line('K-0007', { 障害種別: '視力' }), // 8
    line('K-0001', { 課題: '送迎がない。' }), // 9 same id, other content
    line('K-0002', { 障害種別: '知的障害' }), // 10 exact repeat of line 3
    line('\u3000K-0008\u3000'), // 11 full-width spaces trimmed
    line('K-0009', { 会議日: '' }), // 12
    line('K-0010', { 相談内容: '\u3000', 課題: '' }), // 13
    `${line('K-0011')},余分`, // 14 one field too many
    line('K-0012', { 相談内容: '母の携帯090-1234-5678に連絡した。' }), // 15
    line('K-0013', { 会議日: 'R6.4.12', 年齢層: '65歳以上' }), // 16
    'K-0014,2024/05/01,S01,中央,知的,30-39,"送迎がない,課題,対応,', // 17 quote never closed
    line('K-0015'), // 18
    line('K-0016', { 課題: 'あ'.repeat(2001) }), // 19
    line('K-0017', { 会議日: '2030/01/01' }), // 20
    line('K-0018', { 相談内容: '一行目\n二行目' }), // 21-22
    line('K-0019', { 会議日: '令和６年４月１２日' }), // 23
  ].join('\r\n');
  const outcome = ingest(`${text}\r\n`);

  it('counts every row once: accepted + skipped + rejected = rows', () => {
    expect(outcome.rows).toBe(21);
    expect(outcome.records.map((r) => r.recordId)).toEqual([
      'K-0001', 'K-0002', 'K-0008', 'K-0012', 'K-0013', 'K-0015', 'K-0016', 'K-0017', 'K-0018', 'K-0019',
    ]);
    expect(outcome.skipped).toBe(1);
    expect(outcome.rejected).toBe(10);
  });

  it('explains each problem with line, 記録ID, column, severity and code', () => {
    expect(brief(outcome)).toEqual([
      [3, 'K-0002', '障害種別', 'warning', 'alias_used'],
      [4, 'K-0003', '会議日', 'error', 'invalid_date'],
      [5, 'K-0004', '会議日', 'error', 'invalid_date'],
      [6, 'K-0005', '会議日', 'error', 'invalid_date'],
      [7, 'K-0006', '年齢層', 'error', 'exact_age'],
      [8, 'K-0007', '障害種別', 'error', 'invalid_value'],
      [9, 'K-0001', '記録ID', 'error', 'duplicate_id'],
      [10, 'K-0002', '障害種別', 'warning', 'alias_used'],
      [10, 'K-0002', '記録ID', 'warning', 'duplicate_row'],
      [12, 'K-0009', '会議日', 'error', 'missing_required'],
      [13, 'K-0010', '相談内容', 'error', 'missing_text'],
      [14, 'K-0011', null, 'error', 'field_count'],
      [16, 'K-0013', '年齢層', 'warning', 'alias_used'],
      [17, 'K-0014', '相談内容', 'error', 'unterminated_quote'],
      [19, 'K-0016', '課題', 'warning', 'long_text'],
      [20, 'K-0017', '会議日', 'warning', 'future_date'],
    ]);
  });

  it('words the messages in Japanese, naming the other line or the fix', () => {
    const message = (l: number, code: string) => outcome.issues.find((i) => i.line === l && i.code === code)?.message;
    expect(message(9, 'duplicate_id')).toBe('記録ID K-0001 は 2 行目と重複しています');
    expect(message(10, 'duplicate_row')).toBe('記録ID K-0002 は 3 行目と同じ内容のため、重複として取り込みませんでした。');
    expect(message(3, 'alias_used')).toBe('障害種別「知的障害」を「知的」として読み替えました。');
    expect(message(14, 'field_count')).toBe(
      '列の数が見出しと合いません（見出しは 10 列、この行は 11 列）。値が別の列にずれるのを防ぐため、この行は取り込みませんでした。引用符（"）で囲まれていないコンマや、余分なコンマがないか確かめてください。',
    );
    expect(message(17, 'unterminated_quote')).toBe(
      '17 行目の「相談内容」列で始まる引用符（"）が閉じられていません（閉じられないまま 21 行目まで続いていました）。この行は取り込まず、次の行から読み直しました。引用符を閉じるか消してから、この行を取り込み直してください。',
    );
    expect(message(7, 'exact_age')).toBe('正確な年齢は本人の特定につながるため保存できません。年齢層「40-49」と書いてください。');
  });

  it('never rolls an impossible date over, and reads 和暦 with full-width digits', () => {
    const byId = new Map(outcome.records.map((r) => [r.recordId, r]));
    expect(byId.get('K-0013')?.conferenceDate).toBe('2024-04-12');
    expect(byId.get('K-0019')?.conferenceDate).toBe('2024-04-12');
    expect(byId.get('K-0013')?.ageBand).toBe('65以上');
    expect(byId.get('K-0018')?.consultation).toBe('一行目\n二行目');
    expect(byId.get('K-0016')?.problem).toHaveLength(2001);
  });

  it('masks personal information before anything leaves the stage, and reports where', () => {
    expect(outcome.records.find((r) => r.recordId === 'K-0012')?.consultation).toBe('母の携帯［電話番号］に連絡した。');
    expect(outcome.pii).toEqual([{ line: 15, recordId: 'K-0012', column: '相談内容', kind: 'phone', action: 'masked' }]);
    expect(JSON.stringify(outcome)).not.toContain('090-1234-5678');
  });

  it('refuses the row instead with --pii reject', () => {
    const rejected = ingest(caseCsv([caseRow('K-1', { 相談内容: '連絡先 090-1234-5678' }), caseRow('K-2')]), DEFAULT_COUNCIL, 'reject');
    expect(rejected.records.map((r) => r.recordId)).toEqual(['K-2']);
    expect(brief(rejected)).toEqual([[2, 'K-1', '相談内容', 'error', 'pii_detected']]);
    expect(rejected.pii).toEqual([{ line: 2, recordId: 'K-1', column: '相談内容', kind: 'phone', action: 'rejected' }]);
  });
});

describe('ingestBytes: council settings', () => {
  const council: CouncilSettings = { ...DEFAULT_COUNCIL, areas: ['中央', '北部'], agencies: ['S01'], headerAliases: { ケース番号: '記録ID' } };

  it('checks 地区 and 事業所コード against the lists when the council has them', () => {
    const o = ingest(caseCsv([caseRow('K-1'), caseRow('K-2', { 地区: '南部' }), caseRow('K-3', { 事業所コード: 'S99' })]), council);
    expect(brief(o)).toEqual([
      [3, 'K-2', '地区', 'error', 'unknown_area'],
      [4, 'K-3', '事業所コード', 'error', 'unknown_agency'],
    ]);
    expect(o.issues[0]?.message).toBe('地区「南部」は協議会の設定にありません。設定されているのは 中央, 北部 です。');
  });

  it('maps another export\'s header through headerAliases and ignores unknown columns with a warning', () => {
    const text = 'ケース番号,会議日,障害種別,年齢層,課題,備考\r\nK-1,2024/4/1,精神,40-49,退院後の住まいがない,メモ\r\n';
    const o = ingest(text, council);
    expect(o.records.map((r) => [r.recordId, r.problem, r.consultation])).toEqual([['K-1', '退院後の住まいがない', null]]);
    expect(brief(o)).toEqual([
      [1, null, '備考', 'warning', 'unknown_column'],
      [1, null, '事業所コード', 'warning', 'missing_column'],
      [1, null, '地区', 'warning', 'missing_column'],
      [1, null, '相談内容', 'warning', 'missing_column'],
      [1, null, '対応・支援内容', 'warning', 'missing_column'],
      [1, null, '地域課題メモ', 'warning', 'missing_column'],
    ]);
  });
});

describe('ingestBytes: fatal problems', () => {
  const fatal = (text: string) => {
    try {
      ingest(text);
    } catch (error) {
      if (error instanceof IngestFatalError) return [error.code, error.message];
      throw error;
    }
    return null;
  };

  it('stops on a missing required column and names it', () => {
    expect(fatal('記録ID,障害種別,年齢層,課題\r\nK-1,知的,30-39,x\r\n')).toEqual([
      'missing_header',
      '必須の列「会議日」が見出し行にありません。見出し行: 記録ID, 障害種別, 年齢層, 課題。標準の見出しは 記録ID, 会議日, 事業所コード, 地区, 障害種別, 年齢層, 相談内容, 課題, 対応・支援内容, 地域課題メモ です。',
    ]);
  });

  it('stops when neither 相談内容 nor 課題 is a column', () => {
    expect(fatal('記録ID,会議日,障害種別,年齢層\r\n')?.[0]).toBe('missing_header');
  });

  it('stops on a column given twice', () => {
    expect(fatal('記録ID,会議日,障害種別,年齢層,課題,課題\r\n')).toEqual([
      'duplicate_header',
      '列「課題」が見出し行に 2 回あります（5 列目と 6 列目）。どちらか一方にしてください。',
    ]);
  });
});
