/**
 * The normalisation that dictionary entries and the texts they are matched against
 * share. The full text normaliser must do at least this, in this order, so that a
 * variant written in the CSV and the same word in a case note become the same string:
 *
 * 1. Unicode NFKC: full-width Latin letters and digits become half-width (ＧＨ → GH),
 *    half-width katakana become full-width (ｼｮｰﾄ → ショート), ｰ becomes ー, ～ becomes ~,
 *    （ ） become ( ), the ideographic space becomes a plain space.
 * 2. A dash or bar right after katakana (or after a long-vowel mark that follows
 *    katakana) becomes the long-vowel mark ー: グル-プホ―ム → グループホーム.
 * 3. Every wave dash (〜 ～ ~ ∼ 〰) becomes 〜.
 *
 * Every step maps one character to one character except NFKC, so texts should be
 * normalised before spans are taken from them. Letter case is left alone here; the
 * dictionary folds ASCII case itself when it compares.
 */

const KATAKANA_OR_MARK = /[\u30A1-\u30FA\u30FC]/;
const DASHES = /[\u002D\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\uFE63\uFF0D\u30FC]/;
const WAVES = /[~\u301C\uFF5E\u223C\u3030]/g;

export function normaliseForMatch(s: string): string {
  const nfkc = s.normalize('NFKC');
  let out = '';
  let previous = '';
  for (const ch of nfkc) {
    const mapped = DASHES.test(ch) && KATAKANA_OR_MARK.test(previous) ? '\u30FC' : ch;
    out += mapped;
    previous = mapped;
  }
  return out.replace(WAVES, '〜');
}
