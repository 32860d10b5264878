import { describe, expect, it } from 'vitest';
import { withMappingAsAliases } from '../pipelines/council/header-aliases.ts';
import { CouncilSettingsError, DEFAULT_COUNCIL } from '../pipelines/council/settings.ts';
import { InvalidInputError } from '../pipelines/domain-error.ts';
import { parseColumnMapping } from '../pipelines/ingest/column-mapping.ts';
import { mapHeader } from '../pipelines/ingest/header.ts';
import { guessMapping } from '../pipelines/ingest/header-guess.ts';

const header = (...fields: string[]) => ({ line: 1, lastLine: 1, fields });

describe('a column mapping chosen for one upload', () => {
  it('comes before the standard names: a column named 課題 can fill 相談内容 while another fills 課題', () => {
    const map = mapHeader(header('記録ID', '会議日', '障害種別', '年齢層', '課題', '問題点'), {}, [['相談内容', '課題'], ['課題', '問題点']]);
    expect(map.columns).toEqual(['記録ID', '会議日', '障害種別', '年齢層', '相談内容', '課題']);
  });

  it('leaves out a column whose standard column the mapping gives to another, or to none, saying why', () => {
    const map = mapHeader(header('記録ID', '会議日', '障害種別', '年齢層', '課題', '地区', '区域'), {}, [['地区', '区域'], ['事業所コード', null]]);
    expect(map.columns).toEqual(['記録ID', '会議日', '障害種別', '年齢層', '課題', null, '地区']);
    expect(map.issues.filter((i) => i.code === 'mapped_away').map((i) => i.message)).toEqual(['列「地区」は、列の対応づけで「地区」に別の列が選ばれたため取り込みませんでした。']);
    const none = mapHeader(header('記録ID', '会議日', '障害種別', '年齢層', '課題', '地区'), {}, [['地区', null]]);
    expect(none.issues.find((i) => i.code === 'mapped_away')?.message).toBe('列「地区」は、列の対応づけで「地区」を使わないことにしたため取り込みませんでした。');
  });

  it('is refused when malformed or when one file column is chosen twice', () => {
    expect(() => parseColumnMapping('{"記録ID": "No"}')).toThrow(InvalidInputError);
    expect(() => parseColumnMapping('[["氏名", "名前"]]')).toThrow('「氏名」は標準の列ではありません。');
    expect(() => parseColumnMapping('[["記録ID", "No"], ["記録ID", "ID"]]')).toThrow('標準の列「記録ID」が対応づけに 2 回あります。');
    expect(parseColumnMapping('[["記録ID", "No"], ["地区", null]]')).toEqual([['記録ID', 'No'], ['地区', null]]);
  });
});

describe('guessing and keeping a mapping', () => {
  it('guesses from the standard names, the council\'s aliases, then common names, never taking a column twice', () => {
    expect(guessMapping(['No', '開催日', '障害', '年齢', '課題', '地域課題', '備考'], { 障害: '障害種別' })).toEqual([
      ['記録ID', 'No'],
      ['会議日', '開催日'],
      ['事業所コード', null],
      ['地区', null],
      ['障害種別', '障害'],
      ['年齢層', '年齢'],
      ['相談内容', null],
      ['課題', '課題'],
      ['対応・支援内容', null],
      ['地域課題メモ', '地域課題'],
    ]);
  });

  it('keeps the chosen columns as aliases, replacing one of the same name and skipping standard names', () => {
    const settings = { ...DEFAULT_COUNCIL, headerAliases: { ケース番号: '記録ID' as const, 'ケースＮｏ': '会議日' as const } };
    const kept = withMappingAsAliases(settings, [['記録ID', 'ケースNo'], ['課題', '課題'], ['地区', null]]);
    expect({ ...kept.headerAliases }).toEqual({ ケース番号: '記録ID', ケースNo: '記録ID' });
    expect(() => withMappingAsAliases(DEFAULT_COUNCIL, [['記録ID', '__proto__']])).toThrow(CouncilSettingsError);
  });
});
