import { readFile } from 'node:fs/promises';
import { DomainError } from '../domain-error.ts';
import { fileURLToPath } from 'node:url';
import { STANDARD_HEADERS, isStandardHeader } from '../ingest/columns.ts';
import type { StandardHeader } from '../ingest/columns.ts';
import type { ConceptEntry, DictionaryExtras } from '../text/dictionary/load-dictionary.ts';
import type { TermEntry } from '../text/dictionary/term-dictionary.ts';

export interface Subcommittee {
  name: string;
  description: string;
  terms: string[];
}

/** A theme the council declares itself: cases near its terms gather under its name. */
export interface SeedTheme {
  name: string;
  terms: string[];
}

/**
 * One of the council's own categories (a heading of its plan, a subcommittee's remit): the
 * cases near its description and example phrases gather under its name, the rest of the
 * themes are found freely beside it.
 */
export interface Category {
  name: string;
  description: string;
  examples: string[];
}

export interface CouncilSettings {
  name: string;
  areas?: string[];
  agencies?: string[];
  subcommittees: Subcommittee[];
  suppressionThreshold: number;
  headerAliases: Record<string, StandardHeader>;
  /** The council's own terms, stop words and concepts, added to the built-in welfare dictionary. */
  dictionary?: DictionaryExtras;
  seedThemes?: SeedTheme[];
  categories?: Category[];
  /** The kinds of meeting the council holds, in the order of its year (default: DEFAULT_MEETING_KINDS). */
  meetingKinds?: string[];
  /** The city's budget calendar the council keeps in step with: a month (and day) each year and what falls due. */
  calendar?: CalendarMark[];
}

export interface CalendarMark {
  /** 1–12. */
  month: number;
  /** 1–31, or 0 for the month as a whole. */
  day: number;
  label: string;
}

/** The meetings of a council without its own list: the case-level one, the coordination meeting, subcommittees, the plenary. */
export const DEFAULT_MEETING_KINDS: readonly string[] = ['個別支援会議', '調整会議', '専門部会', '全体会'];
/** The kind of meeting a subcommittee holds: a meeting of this kind names its subcommittee. */
export const SUBCOMMITTEE_MEETING = '専門部会';

export class CouncilSettingsError extends DomainError {
  readonly kind = 'invalid';

  /** The offending key, e.g. `subcommittees[2].terms`, when one is to blame. */
  constructor(
    message: string,
    readonly key: string | null = null,
  ) {
    super('invalid', message, key ?? 'settings');
  }
}

export const DEFAULT_COUNCIL: CouncilSettings = Object.freeze({
  name: '自立支援協議会',
  subcommittees: Object.freeze([]) as unknown as Subcommittee[],
  suppressionThreshold: 10,
  headerAliases: Object.freeze({}),
});

/** The councils whose settings ship with mieruka, the demo's first. */
export const PRESET_NAMES = ['kamakura', 'kisarazu'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}

export function presetPath(name: PresetName): string {
  return fileURLToPath(new URL(`./presets/${name}.json`, import.meta.url));
}

type FieldReader<T> = (value: unknown, key: string) => T;
type Fields<T> = { [K in keyof T]-?: FieldReader<T[K]> };

// The one list of accepted keys: a key missing here is refused as unknown.
const SETTINGS_FIELDS: Fields<CouncilSettings> = {
  name: requiredText,
  areas: (value, key) => (value === undefined ? undefined : uniqueTexts(value, key)),
  agencies: (value, key) => (value === undefined ? undefined : uniqueTexts(value, key)),
  subcommittees: (value, key) => (value === undefined ? [] : subcommittees(value, key)),
  suppressionThreshold: (value, key) => (value === undefined ? 10 : positiveInteger(value, key)),
  headerAliases: (value, key) => (value === undefined ? {} : headerAliases(value, key)),
  dictionary: (value, key) => (value === undefined ? undefined : readFields(record(value, key), DICTIONARY_FIELDS, key)),
  seedThemes: (value, key) => (value === undefined ? undefined : seedThemes(value, key)),
  categories: (value, key) => (value === undefined ? undefined : categories(value, key)),
  calendar: (value, key) =>
    value === undefined
      ? undefined
      : array(value, key, '予定の配列').map((item, i) => {
          const itemKey = `${key}[${i}]`;
          if (!isRecord(item)) fail(itemKey, '{ "month": …, "day": …, "label": … } の形', item);
          return readFields(item, CALENDAR_FIELDS, itemKey);
        }),
  meetingKinds: (value, key) => {
    if (value === undefined) return undefined;
    const kinds = uniqueTexts(value, key);
    if (kinds.length === 0) throw new CouncilSettingsError(`「${key}」に会議の種類を 1 つ以上書いてください。`, key);
    return kinds;
  },
};

const CALENDAR_FIELDS: Fields<CalendarMark> = {
  month: (value, key) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 12) throw new CouncilSettingsError(`「${key}」は 1〜12 の月にしてください。`, key);
    return value;
  },
  day: (value, key) => {
    if (value === undefined) return 0;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 31) throw new CouncilSettingsError(`「${key}」は 1〜31 の日（月全体なら 0）にしてください。`, key);
    return value;
  },
  label: requiredText,
};

/** Example phrases a category may have: a few lines, not a corpus. */
export const CATEGORY_EXAMPLES_MAX = 20;

const CATEGORY_FIELDS: Fields<Category> = {
  name: requiredText,
  description: (value, key) => (value === undefined ? '' : text(value, key, true, LONG_TEXT_MAX)),
  examples: (value, key) => {
    const examples = value === undefined ? [] : texts(value, key);
    if (examples.length > CATEGORY_EXAMPLES_MAX) throw new CouncilSettingsError(`「${key}」の例文は ${CATEGORY_EXAMPLES_MAX} 個までにしてください（いまは ${examples.length} 個です）。`, key);
    return examples;
  },
};

const SEED_THEME_FIELDS: Fields<SeedTheme> = {
  name: requiredText,
  terms: (value, key) => {
    const terms = texts(value, key);
    if (terms.length === 0) throw new CouncilSettingsError(`「${key}」に語を 1 つ以上書いてください。`, key);
    return terms;
  },
};

const DICTIONARY_FIELDS: Fields<DictionaryExtras> = {
  terms: (value, key) => (value === undefined ? undefined : termEntries(value, key)),
  stopWords: (value, key) => (value === undefined ? undefined : texts(value, key)),
  concepts: (value, key) => (value === undefined ? undefined : conceptEntries(value, key)),
};

const CONCEPT_FIELDS: Fields<ConceptEntry> = {
  concept: requiredText,
  expressions: (value, key) => {
    if (value === undefined) throw new CouncilSettingsError(`「${key}」がありません。言い回しを文字列の配列で書いてください。`, key);
    const expressions = texts(value, key);
    if (expressions.length === 0) throw new CouncilSettingsError(`「${key}」に言い回しを 1 つ以上書いてください。`, key);
    return expressions;
  },
  note: (value, key) => (value === undefined ? undefined : text(value, key, true, LONG_TEXT_MAX)),
};

const TERM_FIELDS: Fields<TermEntry> = {
  canonical: requiredText,
  variants: (value, key) => (value === undefined ? [] : texts(value, key)),
  kind: (value, key) => {
    if (value === undefined) return 'synonym';
    if (value === 'synonym' || value === 'compound') return value;
    throw new CouncilSettingsError(`「${key}」は "synonym"（同義語）か "compound"（複合語）にしてください。`, key);
  },
  note: (value, key) => (value === undefined ? undefined : text(value, key, true, LONG_TEXT_MAX)),
};

const SUBCOMMITTEE_FIELDS: Fields<Subcommittee> = {
  name: requiredText,
  description: (value, key) => (value === undefined ? '' : text(value, key, true, LONG_TEXT_MAX)),
  terms: (value, key) => (value === undefined ? [] : texts(value, key)),
};

export function parseCouncilSettings(value: unknown): CouncilSettings {
  if (!isRecord(value)) {
    throw new CouncilSettingsError(
      `協議会の設定は { } で囲んだオブジェクトで書いてください（いまは${typeName(value)}です）。`,
    );
  }
  return readFields(value, SETTINGS_FIELDS, '');
}

export async function loadCouncilSettings(path: string): Promise<CouncilSettings> {
  const where = `協議会の設定ファイル ${path}`;
  let source: string;
  try {
    const bytes = await readFile(path);
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new CouncilSettingsError(`${where} を読めません（${readFailure(error)}）。`);
  }
  if (source.trim() === '') {
    throw new CouncilSettingsError(`${where} が空です。JSON で設定を書いてください。`);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new CouncilSettingsError(
      `${where} は JSON として読めません（${jsonErrorPlace(source, (error as Error).message)}）。カンマ、引用符、括弧の対応を確かめてください。`,
    );
  }
  try {
    return parseCouncilSettings(value);
  } catch (error) {
    if (!(error instanceof CouncilSettingsError)) throw error;
    throw new CouncilSettingsError(`${where}: ${error.message}`, error.key);
  }
}

function readFields<T>(record: Record<string, unknown>, fields: Fields<T>, prefix: string): T {
  const allowed = Object.keys(fields);
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (RESERVED_KEYS.has(key)) throw new CouncilSettingsError(`「${path}」という項目は使えません。消してください。`, path);
      throw new CouncilSettingsError(
        `「${path}」という項目はありません。使える項目は ${allowed.join('、')} です。`,
        path,
      );
    }
  }
  const result: Record<string, unknown> = {};
  for (const [key, read] of Object.entries<FieldReader<unknown>>(fields)) {
    const value = read(record[key], prefix === '' ? key : `${prefix}.${key}`);
    if (value !== undefined) result[key] = value;
  }
  return result as T;
}

function subcommittees(value: unknown, key: string): Subcommittee[] {
  const items = array(value, key, '部会の配列');
  const seen = new Map<string, number>();
  return items.map((item, i) => {
    const itemKey = `${key}[${i}]`;
    if (!isRecord(item)) fail(itemKey, '{ "name": …, "description": …, "terms": […] } の形', item);
    const subcommittee = readFields(item, SUBCOMMITTEE_FIELDS, itemKey);
    const earlier = seen.get(subcommittee.name);
    if (earlier !== undefined) {
      throw new CouncilSettingsError(
        `「${itemKey}.name」の「${subcommittee.name}」は ${key}[${earlier}] と重複しています。部会名は重ならないようにしてください。`,
        `${itemKey}.name`,
      );
    }
    seen.set(subcommittee.name, i);
    return subcommittee;
  });
}

function record(value: unknown, key: string): Record<string, unknown> {
  if (!isRecord(value)) fail(key, '{ "terms": […], "stopWords": […], "concepts": […] } の形のオブジェクト', value);
  return value;
}

function categories(value: unknown, key: string): Category[] {
  return namedItems(value, key, '分類の配列', '{ "name": …, "description": …, "examples": […] } の形', CATEGORY_FIELDS, (category, itemKey) => {
    if (category.description === '' && category.examples.length === 0) {
      throw new CouncilSettingsError(`「${itemKey}」には説明（description）か例文（examples）を書いてください。名前だけでは事例を集められません。`, itemKey);
    }
  });
}

function seedThemes(value: unknown, key: string): SeedTheme[] {
  return namedItems(value, key, 'テーマの配列', '{ "name": …, "terms": […] } の形', SEED_THEME_FIELDS);
}

/** A list of items each read by `fields`, whose names must differ; `check` adds a rule of the item's own. */
function namedItems<T extends { name: string }>(value: unknown, key: string, expected: string, shape: string, fields: Fields<T>, check?: (item: T, itemKey: string) => void): T[] {
  const seen = new Map<string, number>();
  return array(value, key, expected).map((raw, i) => {
    const itemKey = `${key}[${i}]`;
    if (!isRecord(raw)) fail(itemKey, shape, raw);
    const item = readFields(raw, fields, itemKey);
    const earlier = seen.get(item.name);
    if (earlier !== undefined) throw new CouncilSettingsError(`「${itemKey}.name」の「${item.name}」は ${key}[${earlier}] と重複しています。`, `${itemKey}.name`);
    check?.(item, itemKey);
    seen.set(item.name, i);
    return item;
  });
}

function termEntries(value: unknown, key: string): TermEntry[] {
  return array(value, key, '用語の配列').map((item, i) => {
    const itemKey = `${key}[${i}]`;
    if (!isRecord(item)) fail(itemKey, '{ "canonical": …, "variants": […] } の形', item);
    return readFields(item, TERM_FIELDS, itemKey);
  });
}

function conceptEntries(value: unknown, key: string): ConceptEntry[] {
  return array(value, key, '概念の配列').map((item, i) => {
    const itemKey = `${key}[${i}]`;
    if (!isRecord(item)) fail(itemKey, '{ "concept": …, "expressions": […] } の形', item);
    return readFields(item, CONCEPT_FIELDS, itemKey);
  });
}

/** Names that, as keys of a JavaScript object, reach its prototype: refused, never dropped. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function headerAliases(value: unknown, key: string): Record<string, StandardHeader> {
  if (!isRecord(value)) fail(key, '{ "元の列名": "標準の列名" } の形のオブジェクト', value);
  const result: Record<string, StandardHeader> = Object.create(null) as Record<string, StandardHeader>;
  for (const [from, to] of Object.entries(value)) {
    const entryKey = `${key}.${from}`;
    if (from.trim() === '') {
      throw new CouncilSettingsError(`「${key}」に空の列名があります。元の列名を書いてください。`, key);
    }
    if (RESERVED_KEYS.has(from.trim())) {
      throw new CouncilSettingsError(`「${entryKey}」: 「${from.trim()}」は列名として使えません。別の列名にしてください。`, entryKey);
    }
    if (from.length > TEXT_MAX) throw new CouncilSettingsError(`「${key}」の列名「${from.slice(0, 20)}…」が長すぎます（${TEXT_MAX} 文字まで）。`, key);
    if (typeof to !== 'string') fail(entryKey, '標準の列名（文字列）', to);
    if (!isStandardHeader(to)) {
      throw new CouncilSettingsError(
        `「${entryKey}」の「${to}」は標準の列名ではありません。使える列名は ${STANDARD_HEADERS.join('、')} です。`,
        entryKey,
      );
    }
    result[from] = to;
  }
  return result;
}

function uniqueTexts(value: unknown, key: string): string[] {
  const items = texts(value, key);
  items.forEach((item, i) => {
    const earlier = items.indexOf(item);
    if (earlier !== i) {
      throw new CouncilSettingsError(
        `「${key}[${i}]」の「${item}」は ${key}[${earlier}] と重複しています。どちらかを消してください。`,
        `${key}[${i}]`,
      );
    }
  });
  return items;
}

function texts(value: unknown, key: string): string[] {
  return array(value, key, '文字列の配列').map((item, i) => text(item, `${key}[${i}]`));
}

function requiredText(value: unknown, key: string): string {
  if (value === undefined) {
    throw new CouncilSettingsError(`「${key}」がありません。文字列で書いてください。`, key);
  }
  return text(value, key);
}

/** Longest name, term or column name; longest description. */
const TEXT_MAX = 200;
const LONG_TEXT_MAX = 2000;
/** Most items in one list (terms, areas, agencies, …). */
const LIST_MAX = 2000;

function text(value: unknown, key: string, mayBeEmpty = false, max = TEXT_MAX): string {
  if (typeof value !== 'string') fail(key, '文字列', value);
  const trimmed = value.trim();
  if (trimmed === '' && !mayBeEmpty) throw new CouncilSettingsError(`「${key}」が空です。文字を書いてください。`, key);
  if (trimmed.length > max) throw new CouncilSettingsError(`「${key}」が長すぎます（${trimmed.length} 文字。${max} 文字までにしてください）。`, key);
  return trimmed;
}

function positiveInteger(value: unknown, key: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    const actual = typeof value === 'number' ? String(value) : typeName(value);
    throw new CouncilSettingsError(`「${key}」は1以上の整数で書いてください（いまは${actual}です）。`, key);
  }
  return value;
}

function array(value: unknown, key: string, expected: string): unknown[] {
  if (!Array.isArray(value)) fail(key, expected, value);
  if (value.length > LIST_MAX) throw new CouncilSettingsError(`「${key}」の項目が多すぎます（${value.length} 個。${LIST_MAX} 個までにしてください）。`, key);
  return value;
}

function fail(key: string, expected: string, value: unknown): never {
  throw new CouncilSettingsError(`「${key}」は${expected}で書いてください（いまは${typeName(value)}です）。`, key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '配列';
  switch (typeof value) {
    case 'string':
      return '文字列';
    case 'number':
      return '数値';
    case 'boolean':
      return '真偽値';
    case 'object':
      return 'オブジェクト';
    default:
      return typeof value;
  }
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'ファイルが見つかりません。パスを確かめてください';
  if (code === 'EACCES' || code === 'EPERM') return '読み取りの権限がありません';
  if (code === 'EISDIR') return 'フォルダーです。設定ファイルを指定してください';
  if (error instanceof TypeError) return 'UTF-8 ではありません。UTF-8 で保存し直してください';
  return code ?? String(error);
}

/** Node 20's JSON.parse gives a position for most errors and the offending token for the rest. */
function jsonErrorPlace(source: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const before = source.slice(0, Number(position[1])).split('\n');
    return `${before.length}行目 ${(before.at(-1)?.length ?? 0) + 1}文字目付近`;
  }
  const token = /Unexpected token '(.+?)'/.exec(message);
  return token ? `「${token[1]}」の付近` : '場所は特定できません';
}
