import { parseArgs } from 'node:util';
import { JOB_STAGE_LABELS } from '../shared/vocabulary.ts';
import { CouncilSettingsError, type CouncilSettings } from '../pipelines/council/settings.ts';
import { DatabaseOpenError, type Database } from '../pipelines/db/database.ts';
import { analyze, type AnalyzeStage } from '../pipelines/themes/analyze.ts';
import type { AnalysisResult } from '../pipelines/themes/theme-result.ts';
import { createTokenizerPool } from '../pipelines/text/tokenizer/tokenizer-pool.ts';
import { readConfig } from './config.ts';
import { openWithCouncil } from './council-option.ts';
import { fatal } from './ingest-command.ts';
import { ProgressBar } from './progress-bar.ts';
import { stageClock } from './stage-times.ts';
import { displayWidth, pad } from './terms-command.ts';
import { UsageError } from './usage.ts';


/** `mieruka analyze [--db PATH] [--council FILE] [--full] [--json]` */
export async function runAnalyzeCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: 'string' }, council: { type: 'string' }, full: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const json = values.json === true;
  const clock = stageClock();
  clock.mark('open');
  let settings: CouncilSettings;
  let db: Database;
  try {
    ({ db, settings } = await openWithCouncil(values.db ?? readConfig().dbPath, values.council));
  } catch (error) {
    if (error instanceof CouncilSettingsError || error instanceof DatabaseOpenError) return fatal(json, { code: error.name, message: error.message });
    throw error;
  }
  const pool = createTokenizerPool();
  const bar = new ProgressBar();
  let stage: AnalyzeStage | null = null;
  try {
    const result = await analyze(db, {
      settings,
      tokenizeMany: pool.tokenizeMany,
      full: values.full === true,
      onProgress: (s, done, total) => {
        if (s !== stage) {
          clock.mark(s);
          bar.next();
          stage = s;
          if (s !== 'terms') process.stderr.write(`${JOB_STAGE_LABELS[s]}…\n`);
        }
        if (s === 'terms' && total >= 500) bar.update(JOB_STAGE_LABELS[s], done, total, '件');
      },
    });
    bar.done();
    process.stdout.write(`${json ? JSON.stringify(result) : summary(result)}\n`);
    return 0;
  } finally {
    clock.mark('close');
    bar.done();
    await pool.close();
    await db.close();
  }
}

function summary(r: AnalysisResult): string {
  const width = Math.max(8, ...r.themes.map((t) => displayWidth(t.label)));
  const lines = [
    `分析 ${r.runId}: 事例 ${r.cases.toLocaleString('ja-JP')} 件 → テーマ案 ${r.themes.length} 件、どのテーマにも入らない事例 ${r.unassigned.length.toLocaleString('ja-JP')} 件`,
    `  順位  ID      ${pad('テーマ案', width)}  事例  事業所  地区  月数  傾向   スコア  専門部会（案）`,
  ];
  r.themes.forEach((t, i) => {
    const trend = `${t.trend >= 0 ? '+' : ''}${t.trend.toFixed(2)}`;
    lines.push(
      `  ${String(i + 1).padStart(4)}  ${t.id}  ${pad(t.label, width)}  ${String(t.caseCount).padStart(4)}  ${String(t.orgCount).padStart(6)}  ${String(t.areaCount).padStart(4)}  ${String(t.periodCount).padStart(4)}  ${trend.padStart(5)}  ${t.score.toFixed(2).padStart(6)}  ${t.subcommittee ?? '—'}`,
    );
  });
  if (r.vanished.length > 0) lines.push(`  前回あって今回見つからなかったテーマ: ${r.vanished.join(', ')}`);
  return lines.join('\n');
}
