import { audit } from '../audit/audit-log.ts';
import { isCalendarDay } from '../calendar-day.ts';
import { readCsvTable } from '../csv-table.ts';
import type { Database, ReadScope } from '../db/database.ts';
import { sqlFile } from '../db/sql-file.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain-error.ts';
import { NAME_MAX, NOTE_MAX } from '../review/workflow.ts';
import { bodyField, filledText } from '../request-fields.ts';

const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}`);
const LAST_NUMBER = sql('last-issue-number.sql');
const INSERT = sql('insert-issue.sql');
const ISSUE = sql('issue.sql');
const DECIDE = sql('decide-issue.sql');
const LIST = sql('list-issues.sql');
const THEME_EXISTS = sqlFile(new URL('../meetings/', import.meta.url).href, 'sql/theme-exists.sql');

/** The columns of the CSV a body fills in: 提出者, 件名, 内容, 根拠 (optional), 提出日 (optional). */
export const ISSUE_COLUMNS = ['提出者', '件名', '内容', '根拠', '提出日'] as const;
const REQUIRED_COLUMNS = ['提出者', '件名', '内容'] as const;
const ISSUES_MAX = 500;

export interface RaisedIssue {
  raisedBy: string;
  title: string;
  description: string;
  evidence: string | null;
  raisedOn: string;
}

export type IssueDecision = { action: 'merge'; themeId: string } | { action: 'dismiss'; reason: string } | { action: 'reopen' };


/** Checks one issue's parts, naming the part (and, from a CSV, the line) that is wrong. */
function checked(raw: { raisedBy: string | null; title: string | null; description: string | null; evidence: string | null; raisedOn: string | null }, today: string, where: (part: string) => string): RaisedIssue {
  const need = (value: string | null, part: string, max: number) => {
    if (value === null) throw new InvalidInputError(part, `${where(part)}が空です。`);
    if (value.length > max) throw new InvalidInputError(part, `${where(part)}は ${max} 文字までにしてください（いまは ${value.length} 文字です）。`);
    return value;
  };
  if (raw.evidence !== null && raw.evidence.length > NOTE_MAX) throw new InvalidInputError('evidence', `${where('根拠')}は ${NOTE_MAX} 文字までにしてください。`);
  if (raw.raisedOn !== null && !isCalendarDay(raw.raisedOn)) throw new InvalidInputError('raisedOn', `${where('提出日')}は 2025-06-12 のように年-月-日で書いてください。`);
  return { raisedBy: need(raw.raisedBy, '提出者', NAME_MAX), title: need(raw.title, '件名', NAME_MAX), description: need(raw.description, '内容', NOTE_MAX), evidence: raw.evidence, raisedOn: raw.raisedOn ?? today };
}

/** One issue from the form. */
export function parseIssue(body: unknown, today: string): RaisedIssue {
  return checked({ raisedBy: filledText(bodyField(body, 'raisedBy')), title: filledText(bodyField(body, 'title')), description: filledText(bodyField(body, 'description')), evidence: filledText(bodyField(body, 'evidence')), raisedOn: filledText(bodyField(body, 'raisedOn')) }, today, (part) => `「${part}」`);
}

/** Issues from a CSV (UTF-8, BOM dropped, header in any order, blank rows skipped); a wrong row names its line, nothing is taken. */
export function parseIssuesCsv(csv: string, today: string): RaisedIssue[] {
  return readCsvTable(csv, REQUIRED_COLUMNS, ISSUE_COLUMNS, ISSUES_MAX).rows.map(({ line, cell }) => {
    const value = (column: (typeof ISSUE_COLUMNS)[number]) => filledText(cell(column));
    return checked({ raisedBy: value('提出者'), title: value('件名'), description: value('内容'), evidence: value('根拠'), raisedOn: value('提出日') }, today, (part) => `${line} 行目の「${part}」`);
  });
}

export function parseDecision(body: unknown): IssueDecision {
  const action = bodyField(body, 'action');
  if (action === 'merge') {
    const themeId = filledText(bodyField(body, 'themeId'));
    if (themeId === null) throw new InvalidInputError('themeId', '統合先のテーマを選んでください。');
    return { action, themeId };
  }
  if (action === 'dismiss') {
    const reason = filledText(bodyField(body, 'reason'));
    if (reason === null) throw new InvalidInputError('reason', '見送る理由を書いてください。提出した方に伝わります。');
    if (reason.length > NOTE_MAX) throw new InvalidInputError('reason', `理由は ${NOTE_MAX} 文字までにしてください。`);
    return { action, reason };
  }
  if (action === 'reopen') return { action };
  throw new InvalidInputError('action', '扱いは merge（テーマに統合）、dismiss（見送り）、reopen（提出に戻す）のいずれかにしてください。');
}

/** Records issues with the next I-numbers, in one write with the audit entry. */
export async function raiseIssues(db: Database, issues: readonly RaisedIssue[], userId: string, now: Date): Promise<string[]> {
  return db.write(async (scope) => {
    let n = Number((await scope.rows(LAST_NUMBER))[0]?.n ?? 0);
    const ids: string[] = [];
    for (const issue of issues) {
      const id = `I-${String(++n).padStart(4, '0')}`;
      await scope.run(INSERT, [id, issue.raisedBy, userId, issue.title, issue.description, issue.evidence, issue.raisedOn]);
      ids.push(id);
    }
    await audit(scope, { userId, action: 'issues_raise', after: ids }, now);
    return ids;
  });
}

/** The meeting's answer to an issue: merged into a theme, set aside with a reason, or back to undecided. */
export async function decideIssue(db: Database, issueId: string, decision: IssueDecision, userId: string, now: Date): Promise<void> {
  await db.write(async (scope) => {
    const row = (await scope.rows(ISSUE, [issueId]))[0];
    if (!row) throw new NotFoundError('not_found', `課題 ${issueId} はありません。`);
    if (decision.action !== 'reopen' && row.status !== '提出') throw new ConflictError('decided', `課題 ${issueId} はすでに「${String(row.status)}」です。提出に戻してから決め直してください。`);
    if (decision.action === 'merge' && (await scope.rows(THEME_EXISTS, [decision.themeId])).length === 0) throw new NotFoundError('not_found', `テーマ ${decision.themeId} はありません。`);
    const [status, themeId, reason] = decision.action === 'merge' ? ['統合', decision.themeId, null] : decision.action === 'dismiss' ? ['見送り', null, decision.reason] : ['提出', null, null];
    await scope.run(DECIDE, [issueId, status, themeId, reason, decision.action === 'reopen' ? null : now.toISOString(), decision.action === 'reopen' ? null : userId]);
    await audit(scope, { userId, action: `issue_${decision.action}`, target: issueId, after: decision }, now);
  });
}

/** The raised issues (only `userId`'s when given), undecided first. */
export const listIssues = (scope: ReadScope, userId: string | null) => scope.rows(LIST, [userId ?? '', userId !== null]);
