// GitHub-style heading anchors: lower case, punctuation (ASCII and full-width) removed, spaces -> '-',
// kana/kanji kept; duplicates get -1, -2...

const PUNCTUATION = /[\u2000-\u206F\u2E00-\u2E7F\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g;

export function slugify(heading: string): string {
  return heading.trim().toLowerCase().replace(PUNCTUATION, '').replace(/\s/g, '-');
}

export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(heading: string): string {
    const base = slugify(heading);
    const count = this.seen.get(base);
    this.seen.set(base, (count ?? 0) + 1);
    return count === undefined ? base : `${base}-${count}`;
  }
}
