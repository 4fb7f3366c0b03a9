// GitHub-style heading anchors: lower case, punctuation (ASCII and full-width) removed, spaces -> '-',
// kana/kanji kept; duplicates get -1, -2...

const PUNCTUATION = /[\u2000-\u206F\u2E00-\u2E7F\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g;

/** The former slugify, the reference of the one below (test/unit/core/syntax/markdown/slug.test.ts). */
export function slugifyByRegex(heading: string): string {
  return heading.trim().toLowerCase().replace(PUNCTUATION, '').replace(/\s/g, '-');
}

/** Per UTF-16 unit: DROP when PUNCTUATION holds it, DASH when it is other white space (`\s`), 0 when kept. */
const DROP = 1;
const DASH = 2;
const SLUG_UNITS = new Uint8Array(65536);
for (const [from, to] of [[0x2000, 0x206f], [0x2e00, 0x2e7f], [0x3000, 0x303f], [0xff01, 0xff0f], [0xff1a, 0xff20], [0xff3b, 0xff40], [0xff5b, 0xff65]]) SLUG_UNITS.fill(DROP, from, to + 1);
for (const c of '\\\'!"#$%&()*+,./:;<=>?@[]^`{|}~') SLUG_UNITS[c.charCodeAt(0)] = DROP;
for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0xfeff]) SLUG_UNITS[c] = DASH;

/** One pass over the lower-cased heading (two regex replaces per heading were most of the slug's cost). */
export function slugify(heading: string): string {
  const s = heading.trim().toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const kind = SLUG_UNITS[s.charCodeAt(i)];
    if (kind === 0) continue;
    out += s.slice(from, i);
    if (kind === DASH) out += '-';
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
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
