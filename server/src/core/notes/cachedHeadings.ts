// The headings of notes a warm start has loaded from the persistent cache but not yet restored into the index, read
// straight from the cache's flat columns: workspace symbols search them while the restore (per-note objects, ~half of
// a warm start's CPU at 10k notes, most of it garbage collection) runs in slices after the first answer.
// Every field is what the restored note will have, so an answer is the same before and after its restore.

/** Flat columns of a loaded cache; note `f`'s sections are [firstSection[f], firstSection[f + 1]). */
export interface CachedHeadings {
  readonly uris: readonly string[];
  /** Per note, its first section; one more entry at the end (the total). */
  readonly firstSection: Int32Array;
  readonly headings: readonly string[];
  readonly levels: ArrayLike<number>;
  /** Folded search keys, as stored (the restored note is seeded with them). */
  readonly keys: readonly string[];
  /** `charMask` of each key, as stored. */
  readonly masks: Uint32Array;
  /** 4 per section: start line, start character, end line, end character. */
  readonly positions: ArrayLike<number>;
}

/** Heading texts of section `i`'s ancestors (outermost first) from the headings and levels of its note. */
export function parentsFromLevels(headings: ArrayLike<string>, levels: ArrayLike<number>, i: number, first = 0): string[] {
  const parents: string[] = [];
  let need = levels[first + i];
  for (let j = i - 1; j >= 0 && need > 1; j--) {
    if (levels[first + j] > 0 && levels[first + j] < need) {
      parents.unshift(headings[first + j]);
      need = levels[first + j];
    }
  }
  return parents;
}
