// Letters-in-order fuzzy matching on NFKC-folded, lower-cased text (so ＳＱＳ finds SQS and
// Japanese substrings work). Returns a score (higher is better) or -1.
import { searchKey } from '../../../../shared/normalize';

/** Folds a query once for many candidates: NFKC, lower case, no spaces. */
export function foldQuery(query: string): string {
  return searchKey(query).replace(/\s+/g, '');
}

/** The score for an already folded query `q` and an already folded candidate `c` (hot loops fold once). */
export function scoreFolded(q: string, c: string): number {
  if (!q) return 0;
  const contiguous = c.indexOf(q);
  if (contiguous >= 0) return 1000 - contiguous - c.length / 100 + (contiguous === 0 ? 200 : 0);
  let score = 0;
  let last = -1;
  for (const ch of q) {
    const at = c.indexOf(ch, last + 1);
    if (at < 0) return -1;
    score += at === last + 1 ? 5 : 1;
    last = at;
  }
  return score - c.length / 100;
}

export function fuzzyScore(query: string, candidate: string): number {
  return scoreFolded(foldQuery(query), searchKey(candidate));
}
