// NFKC folding (full-width ＳＱＳ -> SQS, ideographic space -> space) that remembers where each folded
// character came from, so matches found in the folded text map back to exact document offsets.

export interface FoldedText {
  text: string;
  /** original offset of folded index i; length is text.length + 1 */
  toOriginal(index: number): number;
}

// Characters NFKC can change; plain ASCII, kana and kanji are left alone, which keeps the fast path common.
const MAY_CHANGE = /[\u00A0-\u00BF\u2000-\u2BFF\u3000\u3200-\u33FF\uFB00-\uFB4F\uFE30-\uFE6F\uFF00-\uFFEF]/;

export function foldNfkc(text: string): FoldedText {
  if (!MAY_CHANGE.test(text)) return { text, toOriginal: (i) => i };
  const parts: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const original = text.slice(i, i + width);
    const folded = MAY_CHANGE.test(original) ? original.normalize('NFKC') : original;
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) map.push(i);
    i += width;
  }
  map.push(text.length);
  return { text: parts.join(''), toOriginal: (i) => map[Math.max(0, Math.min(i, map.length - 1))] };
}

/** Folding for search keys: NFKC + lower case. */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
