import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeCsvBytes } from '../pipelines/ingest/decode.ts';
import { IngestFatalError } from '../pipelines/ingest/issues.ts';

const TEXT = '記録ID,課題\r\nK-1,グループホームの空きがない①\r\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

function fatalCode(bytes: Uint8Array): string {
  try {
    decodeCsvBytes(bytes);
  } catch (error) {
    if (error instanceof IngestFatalError) return error.code;
    throw error;
  }
  return 'none';
}

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without BOM and unifies CRLF to LF', () => {
    expect(decodeCsvBytes(utf8(TEXT))).toEqual({ text: '記録ID,課題\nK-1,グループホームの空きがない①\n', encoding: 'utf-8' });
  });

  it('drops the BOM of Excel\'s "CSV UTF-8"', () => {
    expect(decodeCsvBytes(utf8(`\uFEFF${TEXT}`)).text.startsWith('記録ID')).toBe(true);
  });

  it('falls back to Shift_JIS (CP932, with its NEC special characters)', () => {
    expect(decodeCsvBytes(iconv.encode(TEXT, 'cp932'))).toEqual({
      text: '記録ID,課題\nK-1,グループホームの空きがない①\n',
      encoding: 'shift_jis',
    });
  });

  it('unifies a lone CR (old Mac line ends) too', () => {
    expect(decodeCsvBytes(utf8('a\rb\r')).text).toBe('a\nb\n');
  });

  it('reads a Shift_JIS file with one broken byte as Shift_JIS, naming the line that holds it', () => {
    const bytes = Buffer.concat([iconv.encode('記録ID,課題\r\nK-1,空きがない\r\nK-2,', 'cp932'), Buffer.from([0x82, 0xff]), iconv.encode('送迎\r\nK-3,なし\r\n', 'cp932')]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: '記録ID,課題\nK-1,空きがない\nK-2,\uFFFD\uFFFD送迎\nK-3,なし\n', encoding: 'shift_jis', unreadableLines: [3] });
  });

  it('reads a UTF-8 file with one broken byte as UTF-8, naming the line that holds it', () => {
    const bytes = Buffer.concat([utf8('記録ID,課題\nK-1,空きがない\nK-2,'), Buffer.from([0xe3, 0x81]), utf8('\nK-3,なし\n')]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: '記録ID,課題\nK-1,空きがない\nK-2,\uFFFD\nK-3,なし\n', encoding: 'utf-8', unreadableLines: [3] });
  });

  it('prefers UTF-8 when it reads most lines, even if the whole file happens to decode as Shift_JIS', () => {
    const bytes = Buffer.concat([utf8('a,b\n記録,会議\n支援,'), Buffer.from([0xe3, 0x81]), utf8('\n会議,記録\n')]);
    expect(new TextDecoder('shift_jis', { fatal: true }).decode(bytes)).toContain('險倬鹸');
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'a,b\n記録,会議\n支援,\uFFFD\n会議,記録\n', encoding: 'utf-8', unreadableLines: [3] });
  });

  it('names a line holding a NUL character, and does not keep the NUL', () => {
    expect(decodeCsvBytes(utf8('a,b\nc,\u0000\nd,e\n'))).toEqual({ text: 'a,b\nc,\uFFFD\nd,e\n', encoding: 'utf-8', unreadableLines: [2] });
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty_file'],
    ['a ZIP that is not an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'not_workbook'],
    ['an old Excel workbook (.xls)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'excel_workbook'],
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'utf16_file'],
    ['bytes that are neither UTF-8 nor Shift_JIS', new Uint8Array([0x41, 0x82, 0x20, 0xa0, 0xfd]), 'unknown_encoding'],
    ['binary data with NUL', new Uint8Array([0x41, 0x00, 0x42]), 'unreadable_file'],
  ])('refuses %s as a fatal error', (_, bytes, code) => {
    expect(fatalCode(bytes)).toBe(code);
  });

  it('says in Japanese what to do with an undecodable file', () => {
    expect(() => decodeCsvBytes(new Uint8Array([0x82, 0x20]))).toThrow(
      '文字コードを判別できません。UTF-8 でも Shift_JIS でもない文字が含まれています。Excel で「CSV UTF-8（コンマ区切り）」として保存し直してください。',
    );
  });
});
