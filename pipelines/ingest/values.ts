import { AGE_BANDS, DISABILITY_TYPES } from './columns.ts';
import type { AgeBand, DisabilityType } from './columns.ts';

export type ValueResult<T> =
  | { ok: true; value: T; alias?: string }
  | { ok: false; code: 'invalid_value' | 'exact_age'; message: string };

/**
 * Other spellings of 障害種別 seen in case records. Every entry is applied
 * exactly as written (after trimming and NFKC) and reported as an alias.
 */
export const DISABILITY_ALIASES: Readonly<Record<string, DisabilityType>> = Object.freeze({
  身体障害: '身体',
  身体障がい: '身体',
  身体障碍: '身体',
  身体障害者: '身体',
  視覚障害: '身体',
  聴覚障害: '身体',
  肢体不自由: '身体',
  内部障害: '身体',
  知的障害: '知的',
  知的障がい: '知的',
  知的障碍: '知的',
  知的障害者: '知的',
  精神障害: '精神',
  精神障がい: '精神',
  精神障碍: '精神',
  精神障害者: '精神',
  発達障害: '発達',
  発達障がい: '発達',
  発達障碍: '発達',
  難病等: '難病',
  難病患者: '難病',
  難病等対象者: '難病',
  重複障害: '重複',
  重複障がい: '重複',
  重症心身障害: '重複',
  障害児: '児童',
  障がい児: '児童',
  障碍児: '児童',
});

type Band = readonly [from: number, to: number, band: AgeBand];
const RANGE_BANDS: readonly Band[] = [
  [0, 17, '18歳未満'],
  [18, 29, '18-29'],
  [30, 39, '30-39'],
  [40, 49, '40-49'],
  [50, 64, '50-64'],
];

/** `18～29`, `18-29歳`, `18歳～29歳`… for each band, with 〜 ～ ~ - and 歳 / 才. */
function rangeSpellings(from: number, to: number): string[] {
  const spellings = ['～', '〜', '~'].map((sep) => `${from}${sep}${to}`);
  for (const unit of ['歳', '才']) {
    for (const sep of ['-', '～', '〜', '~']) {
      spellings.push(`${from}${sep}${to}${unit}`, `${from}${unit}${sep}${to}${unit}`);
    }
  }
  return spellings;
}

/**
 * Other spellings of 年齢層. Decades map to a band only when they fit inside it;
 * 10代 and 60代 straddle two bands and are refused (see STRADDLING_DECADES).
 */
export const AGE_BAND_ALIASES: Readonly<Record<string, AgeBand>> = Object.freeze({
  ...Object.fromEntries(
    RANGE_BANDS.flatMap(([from, to, band]) =>
      rangeSpellings(from, to).map((s): [string, AgeBand] => [s, band]),
    ),
  ),
  '0-17': '18歳未満',
  '18才未満': '18歳未満',
  '17歳以下': '18歳未満',
  '17才以下': '18歳未満',
  '65歳以上': '65以上',
  '65才以上': '65以上',
  '65～': '65以上',
  '65〜': '65以上',
  '65歳～': '65以上',
  '65歳〜': '65以上',
  '20代': '18-29',
  '20歳代': '18-29',
  '30代': '30-39',
  '30歳代': '30-39',
  '40代': '40-49',
  '40歳代': '40-49',
  '50代': '50-64',
  '50歳代': '50-64',
  '70代': '65以上',
  '70歳代': '65以上',
  '80代': '65以上',
  '80歳代': '65以上',
  '90代': '65以上',
  '90歳代': '65以上',
  '100歳以上': '65以上',
  '100才以上': '65以上',
} satisfies Record<string, AgeBand>);

/** A Map, as every table a cell's value is looked up in: a plain object would answer `constructor`. */
const STRADDLING_DECADES: ReadonlyMap<string, readonly [AgeBand, AgeBand]> = new Map<string, readonly [AgeBand, AgeBand]>([
  ['10代', ['18歳未満', '18-29']],
  ['10歳代', ['18歳未満', '18-29']],
  ['60代', ['50-64', '65以上']],
  ['60歳代', ['50-64', '65以上']],
]);

const EXACT_AGE = /^満?(\d{1,3})(?:歳|才)?$/;

/** Trim (full-width spaces too), NFKC, drop inner spaces, unify hyphen look-alikes. */
function normalise(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—―−]/g, '-');
}

function lookupTable<T extends string>(aliases: Readonly<Record<string, T>>): Map<string, T> {
  return new Map(Object.entries(aliases).map(([spelling, value]) => [normalise(spelling), value]));
}

const DISABILITY_LOOKUP = lookupTable(DISABILITY_ALIASES);
const AGE_BAND_LOOKUP = lookupTable(AGE_BAND_ALIASES);

function match<T extends string>(
  raw: string,
  canonical: readonly T[],
  aliases: Map<string, T>,
): ValueResult<T> | null {
  const key = normalise(raw);
  const direct = canonical.find((value) => value === key);
  if (direct !== undefined) return { ok: true, value: direct };
  const aliased = aliases.get(key);
  if (aliased !== undefined) return { ok: true, value: aliased, alias: raw.trim() };
  return null;
}

function invalid(message: string): ValueResult<never> {
  return { ok: false, code: 'invalid_value', message };
}

export function parseDisabilityType(raw: string): ValueResult<DisabilityType> {
  const allowed = `${DISABILITY_TYPES.join('、')} のいずれかで書いてください。`;
  if (normalise(raw) === '') return invalid(`障害種別が空です。${allowed}`);
  return (
    match(raw, DISABILITY_TYPES, DISABILITY_LOOKUP) ??
    invalid(`障害種別が決められた値ではありません。${allowed}`)
  );
}

export function parseAgeBand(raw: string): ValueResult<AgeBand> {
  const allowed = `${AGE_BANDS.join('、')} のいずれかで書いてください。`;
  const key = normalise(raw);
  if (key === '') return invalid(`年齢層が空です。${allowed}`);
  const matched = match(raw, AGE_BANDS, AGE_BAND_LOOKUP);
  if (matched !== null) return matched;

  const straddling = STRADDLING_DECADES.get(key);
  if (straddling !== undefined) {
    const [lower, upper] = straddling;
    return invalid(
      `「${key}」は ${lower} と ${upper} の2つの年齢層にまたがるため、どちらか決められません。${lower} か ${upper} のどちらかを書いてください。`,
    );
  }
  const exact = EXACT_AGE.exec(key);
  if (exact) {
    return {
      ok: false,
      code: 'exact_age',
      message: `正確な年齢は本人の特定につながるため保存できません。年齢層「${bandOf(Number(exact[1]))}」と書いてください。`,
    };
  }
  return invalid(`年齢層が決められた値ではありません。${allowed}`);
}

function bandOf(age: number): AgeBand {
  return RANGE_BANDS.find(([from, to]) => age >= from && age <= to)?.[2] ?? '65以上';
}
