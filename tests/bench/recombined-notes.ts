/**
 * The benchmark's corpus: many cases recombined from the hand-written notes of
 * casenotes_dev (618 records, 18 labels and NONE). Each case takes one source record's
 * label, 障害種別 and 年齢層, and fills each text field with as many sentences as that
 * record has there, each drawn from the same field of a few records of the same label;
 * 会議日, 地区 and 事業所コード come from other records of the pool. Deterministic for a seed.
 * Without the shared folder, the generator's hard style stands in, with its labels.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { generateCases } from '../../fixtures/generator/generate.ts';
import { Rng } from '../../fixtures/generator/random.ts';
import { csvLine, HEADER_LINE, labelsPathFor, writeCasesCsv } from '../../fixtures/generator/write-csv.ts';
import { STANDARD_HEADERS, type StandardHeader } from '../../pipelines/ingest/columns.ts';

export const CASENOTES_DIR = fileURLToPath(new URL('../../../shared/eval/casenotes_dev/', import.meta.url));

const TEXT_FIELDS: readonly StandardHeader[] = ['相談内容', '課題', '対応・支援内容', '地域課題メモ'];
/** Fields taken from the record whose label the case takes: they go with what the text says. */
const FROM_BASE: readonly StandardHeader[] = ['障害種別', '年齢層'];
/** Fields drawn independently from the whole pool. */
const FROM_POOL: readonly StandardHeader[] = ['会議日', '事業所コード', '地区'];
/** Records of the same label whose sentences one case mixes, its base record included. */
const DONORS_PER_CASE = 3;
const SENTENCE_END = '。';

type Row = Record<StandardHeader, string>;

interface SourceRecord {
  readonly row: Row;
  readonly label: string;
  /** Per text field, its sentences with their 。 kept. */
  readonly sentences: ReadonlyMap<StandardHeader, readonly string[]>;
}

export interface RecombinedCorpus {
  readonly csvPath: string;
  readonly labelsPath: string;
  readonly rows: number;
  /** Where the text came from, for the report. */
  readonly source: string;
}

export function splitSentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((part, i, parts) => (i < parts.length - 1 ? part + SENTENCE_END : part))
    .filter((s) => s.trim() !== '');
}

function readSources(dir: string): SourceRecord[] {
  const rows = parse(readFileSync(`${dir}cases.csv`), { bom: true, columns: true }) as Row[];
  const labelRows = parse(readFileSync(`${dir}labels.csv`), { bom: true, columns: true }) as Array<Record<string, string>>;
  const labels = new Map(labelRows.map((r) => [String(r['記録ID']), String(r.label)]));
  return rows.map((row) => {
    const label = labels.get(row.記録ID);
    if (label === undefined) throw new Error(`${row.記録ID} has no label in ${dir}labels.csv`);
    return { row, label, sentences: new Map(TEXT_FIELDS.map((f) => [f, splitSentences(row[f] ?? '')])) };
  });
}

function recordId(n: number, count: number): string {
  return `R-${String(n).padStart(String(count).length, '0')}`;
}

function recombine(base: SourceRecord, sameLabel: readonly SourceRecord[], pool: readonly SourceRecord[], rng: Rng, id: string): Row {
  const donors = [base, ...Array.from({ length: DONORS_PER_CASE - 1 }, () => rng.pick(sameLabel))];
  const row = { ...base.row, 記録ID: id };
  for (const field of FROM_POOL) row[field] = rng.pick(pool).row[field];
  for (const field of FROM_BASE) row[field] = base.row[field];
  for (const field of TEXT_FIELDS) {
    const count = base.sentences.get(field)?.length ?? 0;
    const offered = [...new Set(donors.flatMap((d) => d.sentences.get(field) ?? []))];
    row[field] = drawWithoutRepeats(offered, count, rng).join('');
  }
  return row;
}

/** Up to `count` of the items in random order, none twice: a note does not say the same sentence again. */
function drawWithoutRepeats<T>(items: readonly T[], count: number, rng: Rng): T[] {
  const left = [...items];
  const drawn: T[] = [];
  while (drawn.length < count && left.length > 0) drawn.push(left.splice(rng.int(left.length), 1)[0] as T);
  return drawn;
}

/** Writes `count` recombined cases to csvPath (UTF-8, CRLF) and their labels beside it. */
export function writeRecombinedNotes(csvPath: string, count: number, seed: number, dir = CASENOTES_DIR): RecombinedCorpus {
  mkdirSync(dirname(csvPath), { recursive: true });
  if (!existsSync(`${dir}cases.csv`)) {
    const written = writeCasesCsv(generateCases({ rows: count, seed, style: 'hard' }), csvPath, 'utf-8');
    return { csvPath, labelsPath: written.labelsPath, rows: written.rows, source: `generator, hard style (${dir} is missing)` };
  }
  const sources = readSources(dir);
  const byLabel = new Map<string, SourceRecord[]>();
  for (const s of sources) byLabel.set(s.label, [...(byLabel.get(s.label) ?? []), s]);
  const rng = new Rng(seed, 'recombined-notes');
  let csv = HEADER_LINE;
  let labels = csvLine(['記録ID', 'label']);
  for (let n = 1; n <= count; n++) {
    const base = rng.pick(sources);
    const row = recombine(base, byLabel.get(base.label) ?? [base], sources, rng, recordId(n, count));
    csv += csvLine(STANDARD_HEADERS.map((h) => row[h] ?? ''));
    labels += csvLine([row.記録ID, base.label]);
  }
  const labelsPath = labelsPathFor(csvPath);
  writeFileSync(csvPath, csv);
  writeFileSync(labelsPath, labels);
  return { csvPath, labelsPath, rows: count, source: `recombined from ${sources.length} records of casenotes_dev` };
}
