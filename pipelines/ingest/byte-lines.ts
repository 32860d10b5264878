const LF = 0x0a;
const CR = 0x0d;

/**
 * Where each physical line lies in the bytes, [start, end) without its line end (CRLF, LF
 * or a lone CR, as decode unifies them): after the last line end comes one more, perhaps
 * empty, range, as `text.split('\n')` gives. Safe for UTF-8 and Shift_JIS alike: neither
 * uses the bytes of CR or LF inside a character.
 */
export function lineRanges(bytes: Uint8Array): Array<readonly [start: number, end: number]> {
  const ranges: Array<readonly [number, number]> = [];
  let start = 0;
  let nextLf = bytes.indexOf(LF);
  let nextCr = bytes.indexOf(CR);
  while (nextLf !== -1 || nextCr !== -1) {
    const end = nextCr !== -1 && (nextLf === -1 || nextCr < nextLf) ? nextCr : nextLf;
    ranges.push([start, end]);
    start = end + (bytes[end] === CR && bytes[end + 1] === LF ? 2 : 1);
    if (nextLf !== -1 && nextLf < start) nextLf = bytes.indexOf(LF, start);
    if (nextCr !== -1 && nextCr < start) nextCr = bytes.indexOf(CR, start);
  }
  ranges.push([start, bytes.length]);
  return ranges;
}
