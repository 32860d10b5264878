import { conceptOf } from '../text/terms.ts';
import { labelFrom, type WeightedTerm } from './describe.ts';

/** Words too general to name a wall: a label never has them as its head. */
export const GENERIC_HEADS: ReadonlySet<string> = new Set([
  '支援', '事業', '事業所', '家族', '母', '父', '親', '子', '本人', '利用', '利用者', '相談', '相談員', '対応', '必要',
  '状況', '確認', '生活', 'サービス', '希望', '話', '自分', '家', '計画', '制度', '情報', '今後', '連絡', '調整', '検討',
  '兄', '姉', '弟', '妹', '妻', '夫', '娘', '息子', '祖母', '祖父', '人', '方', '様子', '状態', '場合', '予定',
]);
/** A key term must occur in at least this share of the theme's cases. */
export const KEY_TERM_COVERAGE = 0.5;
/** A kind of wall names the label when at least this share of the members' 課題・地域課題メモ say it. */
const WALL_SHARE = 0.2;
const KEY_TERMS = 2;

/** How the members' 課題 and 地域課題メモ say what stands in the way, and how a label says it. */
const WALLS: ReadonlyArray<{ pattern: RegExp; suffix: string }> = [
  { pattern: /断られ|断ら|拒否|受け入れ(先が|て)?(な|難|困)/, suffix: 'を断られる' },
  { pattern: /待ち|待機|待た/, suffix: 'の待機が長い' },
  { pattern: /不足|足りな|少な|見つから|空きが?な|確保でき|(が|は)ない/, suffix: 'の不足' },
  { pattern: /難し|困難|できな|できず/, suffix: 'への対応が難しい' },
];

/** Every ending a label may have after its head, for checking a stored label's parts. */
export const WALL_SUFFIXES: readonly string[] = WALLS.map((w) => w.suffix);

export interface WallLabel {
  label: string;
  /** The terms the label is made of (concepts as their names), each in ≥ half the cases. */
  keyTerms: string[];
}

const shown = (term: string) => conceptOf(term) ?? term;

/**
 * A label a council would write — 短期入所の不足（緊急）, 賃貸住宅を断られる — from the
 * theme's distinctive terms (concepts of the thesaurus among them) that occur in at least
 * half of its cases, never a generic word as the head, and the kind of wall most of its
 * members' 課題 and 地域課題メモ say of that term. Without such a term: the top two words
 * that are not generic.
 */
export function wallLabel(terms: readonly WeightedTerm[], coverage: (term: string) => number, wallTexts: readonly string[]): WallLabel {
  const keys: string[] = [];
  for (const { term, predicate } of terms) {
    if (keys.length >= KEY_TERMS) break;
    const name = shown(term);
    // Concepts are kept out of word lists, but their names are the thesaurus's own words.
    if ((predicate && conceptOf(term) === null) || GENERIC_HEADS.has(name) || coverage(term) < KEY_TERM_COVERAGE) continue;
    if (keys.some((k) => shown(k).includes(name) || name.includes(shown(k)))) continue;
    keys.push(term);
  }
  const [head, qualifier] = keys;
  // Where no term is in half the cases: the top two words, generic ones left out.
  if (head === undefined) return { label: labelFrom(terms.filter((t) => !GENERIC_HEADS.has(t.term)), KEY_TERMS), keyTerms: [] };
  const suffix = wallOf(shown(head), wallTexts);
  return { label: `${shown(head)}${suffix}${qualifier === undefined ? '' : `（${shown(qualifier)}）`}`, keyTerms: keys };
}

/** The kind of wall said of the head itself: in the same sentence of a member's 課題 or メモ. */
function wallOf(head: string, texts: readonly string[]): string {
  if (texts.length === 0) return '';
  const sentences = texts.map((t) => t.split(/[。\n]/).filter((s) => s.includes(head)));
  let best = '';
  let bestShare = WALL_SHARE;
  for (const { pattern, suffix } of WALLS) {
    const share = sentences.filter((said) => said.some((s) => pattern.test(s))).length / texts.length;
    if (share >= bestShare) [best, bestShare] = [suffix, share + Number.EPSILON];
  }
  return best;
}
