import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, DISABILITY_TYPES } from '../pipelines/ingest/columns.ts';
import {
  AGE_BAND_ALIASES,
  DISABILITY_ALIASES,
  parseAgeBand,
  parseDisabilityType,
} from '../pipelines/ingest/values.ts';

const DISABILITY_ALLOWED = '身体、知的、精神、発達、難病、重複、児童 のいずれかで書いてください。';
const AGE_ALLOWED = '18歳未満、18-29、30-39、40-49、50-64、65以上 のいずれかで書いてください。';
const exactAge = (band: string) =>
  `正確な年齢は本人の特定につながるため保存できません。年齢層「${band}」と書いてください。`;

describe('parseDisabilityType', () => {
  it.each(DISABILITY_TYPES.map((t) => [t]))('canonical %s is taken as is', (value) => {
    expect(parseDisabilityType(value)).toEqual({ ok: true, value });
  });

  it.each([
    ['　精神　', '精神'],
    [' 難病 ', '難病'],
  ])('%j is canonical after trimming, not an alias', (raw, value) => {
    expect(parseDisabilityType(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['身体障害', '身体'],
    ['身体障がい', '身体'],
    ['身体障碍', '身体'],
    ['知的障害', '知的'],
    ['知的障がい', '知的'],
    ['精神障害', '精神'],
    ['精神障がい', '精神'],
    ['発達障害', '発達'],
    ['発達障がい', '発達'],
    ['難病等', '難病'],
    ['重複障害', '重複'],
    ['重症心身障害', '重複'],
    ['障害児', '児童'],
    ['障がい児', '児童'],
  ])('alias %s → %s, reported', (raw, value) => {
    expect(parseDisabilityType(raw)).toEqual({ ok: true, value, alias: raw });
  });

  it('every entry of the alias table is applied and reported', () => {
    for (const [spelling, value] of Object.entries(DISABILITY_ALIASES)) {
      expect(parseDisabilityType(spelling)).toEqual({ ok: true, value, alias: spelling });
    }
  });

  it('reports the original spelling, trimmed', () => {
    expect(parseDisabilityType(' 知的障害　')).toEqual({ ok: true, value: '知的', alias: '知的障害' });
  });

  it.each(['身', '障害', '身体・知的', 'その他', '不明'])('%j is refused with the allowed values', (raw) => {
    expect(parseDisabilityType(raw)).toEqual({
      ok: false,
      code: 'invalid_value',
      message: `障害種別が決められた値ではありません。${DISABILITY_ALLOWED}`,
    });
  });

  it('an empty cell is refused', () => {
    expect(parseDisabilityType('　')).toEqual({
      ok: false,
      code: 'invalid_value',
      message: `障害種別が空です。${DISABILITY_ALLOWED}`,
    });
  });
});

describe('parseAgeBand', () => {
  it.each(AGE_BANDS.map((b) => [b]))('canonical %s is taken as is', (value) => {
    expect(parseAgeBand(value)).toEqual({ ok: true, value });
  });

  it.each([
    ['１８－２９', '18-29'],
    ['18 - 29', '18-29'],
    ['18−29', '18-29'],
    ['　40-49　', '40-49'],
    ['６５以上', '65以上'],
    ['１８歳未満', '18歳未満'],
  ])('%j is canonical after normalisation, not an alias', (raw, value) => {
    expect(parseAgeBand(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['18～29', '18-29'],
    ['18〜29', '18-29'],
    ['18~29', '18-29'],
    ['18-29歳', '18-29'],
    ['18歳～29歳', '18-29'],
    ['30～39', '30-39'],
    ['40歳〜49歳', '40-49'],
    ['50-64歳', '50-64'],
    ['65歳以上', '65以上'],
    ['18才未満', '18歳未満'],
    ['0-17', '18歳未満'],
    ['0～17', '18歳未満'],
    ['0〜17歳', '18歳未満'],
    ['20代', '18-29'],
    ['30代', '30-39'],
    ['40代', '40-49'],
    ['50代', '50-64'],
    ['70代', '65以上'],
    ['80代', '65以上'],
    ['90代', '65以上'],
    ['100歳以上', '65以上'],
  ])('alias %s → %s, reported', (raw, value) => {
    expect(parseAgeBand(raw)).toEqual({ ok: true, value, alias: raw });
  });

  it('every entry of the alias table is applied and reported', () => {
    for (const [spelling, value] of Object.entries(AGE_BAND_ALIASES)) {
      expect(parseAgeBand(spelling)).toEqual({ ok: true, value, alias: spelling });
    }
  });

  it.each([
    ['10代', '「10代」は 18歳未満 と 18-29 の2つの年齢層にまたがるため、どちらか決められません。18歳未満 か 18-29 のどちらかを書いてください。'],
    ['60代', '「60代」は 50-64 と 65以上 の2つの年齢層にまたがるため、どちらか決められません。50-64 か 65以上 のどちらかを書いてください。'],
    ['６０代', '「60代」は 50-64 と 65以上 の2つの年齢層にまたがるため、どちらか決められません。50-64 か 65以上 のどちらかを書いてください。'],
  ])('decade %s straddles two bands and is refused', (raw, message) => {
    expect(parseAgeBand(raw)).toEqual({ ok: false, code: 'invalid_value', message });
  });

  it.each([
    ['47歳', '40-49'],
    ['47', '40-49'],
    ['47才', '40-49'],
    ['４７歳', '40-49'],
    ['満47歳', '40-49'],
    ['17歳', '18歳未満'],
    ['0歳', '18歳未満'],
    ['18', '18-29'],
    ['64歳', '50-64'],
    ['65歳', '65以上'],
    ['102歳', '65以上'],
  ])('exact age %s is refused, pointing to %s', (raw, band) => {
    expect(parseAgeBand(raw)).toEqual({ ok: false, code: 'exact_age', message: exactAge(band) });
  });

  it('an exact age is never echoed back', () => {
    const bandOf = (age: number) =>
      age < 18 ? '18歳未満' : age < 30 ? '18-29' : age < 40 ? '30-39' : age < 50 ? '40-49' : age < 65 ? '50-64' : '65以上';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.constantFrom('', '歳', '才'), (age, unit) => {
        expect(parseAgeBand(`${age}${unit}`)).toEqual({
          ok: false,
          code: 'exact_age',
          message: exactAge(bandOf(age)),
        });
      }),
    );
  });

  it.each(['不明', '高齢', '18-30', '47.5歳', 'abc'])('%j is refused with the allowed values', (raw) => {
    expect(parseAgeBand(raw)).toEqual({
      ok: false,
      code: 'invalid_value',
      message: `年齢層が決められた値ではありません。${AGE_ALLOWED}`,
    });
  });

  it('an empty cell is refused', () => {
    expect(parseAgeBand('')).toEqual({ ok: false, code: 'invalid_value', message: `年齢層が空です。${AGE_ALLOWED}` });
  });
});
