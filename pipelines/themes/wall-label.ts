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
  const keys = keyTerms(terms, coverage);
  const tally = wallTally(keys);
  for (const text of wallTexts) tally?.add(text);
  return labelOf(terms, keys, tally);
}

/** The terms a label is made of: the head, then a qualifier; none when no term is in half the cases. */
export function keyTerms(terms: readonly WeightedTerm[], coverage: (term: string) => number): string[] {
  const keys: string[] = [];
  for (const { term, predicate } of terms) {
    if (keys.length >= KEY_TERMS) break;
    const name = shown(term);
    // Concepts are kept out of word lists, but their names are the thesaurus's own words.
    if ((predicate && conceptOf(term) === null) || GENERIC_HEADS.has(name) || coverage(term) < KEY_TERM_COVERAGE) continue;
    if (keys.some((k) => shown(k).includes(name) || name.includes(shown(k)))) continue;
    keys.push(term);
  }
  return keys;
}

/** What the members' texts say of the head, counted a text at a time; null when there is no head. */
export function wallTally(keys: readonly string[]): WallTally | null {
  return keys[0] === undefined ? null : new WallTally(shown(keys[0]));
}

/** The label from the key terms and, when there is a head, what its members' texts said of it. */
export function labelOf(terms: readonly WeightedTerm[], keys: readonly string[], tally: WallTally | null): WallLabel {
  const [head, qualifier] = keys;
  // Where no term is in half the cases: the top two words, generic ones left out.
  if (head === undefined || tally === null) return { label: labelFrom(terms.filter((t) => !GENERIC_HEADS.has(t.term)), KEY_TERMS), keyTerms: [] };
  return { label: `${shown(head)}${tally.wall()}${qualifier === undefined ? '' : `（${shown(qualifier)}）`}`, keyTerms: [...keys] };
}

/**
 * The kind of wall said of the head itself, in the same sentence of a member's 課題 or メモ:
 * the texts are counted one by one, so that a theme of many cases needs none of them held.
 */
export class WallTally {
  private texts = 0;
  private readonly saying = WALLS.map(() => 0);

  constructor(private readonly head: string) {}

  add(text: string): void {
    this.texts++;
    const said = text.split(/[。\n]/).filter((s) => s.includes(this.head));
    WALLS.forEach(({ pattern }, w) => {
      if (said.some((s) => pattern.test(s))) this.saying[w] = (this.saying[w] as number) + 1;
    });
  }

  wall(): string {
    if (this.texts === 0) return '';
    let best = '';
    let bestShare = WALL_SHARE;
    WALLS.forEach(({ suffix }, w) => {
      const share = (this.saying[w] as number) / this.texts;
      if (share >= bestShare) [best, bestShare] = [suffix, share + Number.EPSILON];
    });
    return best;
  }
}
