// English identifier parts -> the Japanese forms notes use for them (BatchSize -> バッチサイズ, ReceiveMessage ->
// メッセージ受信), and back. The table is generated at build time (data/bilingual.json, scripts/gen-data/bilingual.mjs);
// this file only splits, looks up and combines, so it stays pure and cheap.

/** The generated table as read from disk: lower-case English word or space-separated phrase -> forms, best first. */
export interface RawBilingualTable {
  terms: Record<string, string[]>;
  /** English verbs whose Japanese form is a verbal noun written after its object (receive -> 受信). */
  verbs?: string[];
  /** Words whose forms only make sense after another known word (configuration -> 設定: ライフサイクル設定, never 設定 alone). */
  suffixes?: string[];
}

export interface BilingualTable {
  readonly terms: ReadonlyMap<string, readonly string[]>;
  readonly verbs: ReadonlySet<string>;
  readonly suffixes: ReadonlySet<string>;
  /** Longest phrase in words, bounds the phrase search. */
  readonly maxWords: number;
}

export interface BilingualMatch {
  /** A Japanese form. */
  form: string;
  /** How many of the input's content words (stop-words excluded) this form stands for. */
  covers: number;
  /** True when the form stands for every content word of the input. */
  whole: boolean;
}

/** Words too generic to stand for anything alone in AWS names (and the grammar words of prose). */
const STOP_WORDS = new Set([
  'get', 'set', 'put', 'list', 'describe', 'create', 'delete', 'update', 'id', 'ids', 'name', 'names', 'type', 'types',
  'arn', 'arns', 'aws', 'the', 'a', 'an', 'of', 'and', 'or', 'to', 'for', 'by', 'in', 'on', 'with', 'is', 'at', 'as',
  // units qualify a name without being what it is about (VisibilityTimeoutSeconds is the visibility timeout)
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'ms', 'millis', 'milliseconds',
  'bytes', 'kb', 'mb', 'gb', 'kib', 'mib', 'gib', 'percent', 'percentage',
]);

/** Japanese forms shorter than this match too much of any text. */
const MIN_FORM_LENGTH = 2;
/** Bound on the combined forms built from alternatives, so a long identifier cannot explode. */
const MAX_COMBINATIONS = 6;
/** Identifiers longer than this are not names people write about; bounds the work on hostile input. */
const MAX_INPUT = 200;

export function createBilingualTable(raw: RawBilingualTable): BilingualTable {
  const terms = new Map<string, readonly string[]>();
  let maxWords = 1;
  for (const key of Object.keys(raw.terms ?? {})) {
    const forms = (raw.terms[key] ?? []).filter((f) => typeof f === 'string' && f.length >= MIN_FORM_LENGTH);
    if (forms.length === 0) continue;
    const norm = key.toLowerCase().trim().replace(/\s+/g, ' ');
    terms.set(norm, forms);
    maxWords = Math.max(maxWords, norm.split(' ').length);
  }
  const lower = (list: string[] | undefined) => new Set((list ?? []).map((v) => v.toLowerCase()));
  return { terms, verbs: lower(raw.verbs), suffixes: lower(raw.suffixes), maxWords };
}

/** "EventSourceMapping" / "event_source_mapping" / "Event Source Mapping" / "sqs:ReceiveMessage" -> lower-case words. */
export function englishWords(identifier: string): string[] {
  return identifierWords(identifier).map((w) => w.toLowerCase());
}

/**
 * The words of an identifier, case kept: "EventSourceMapping" -> ["Event", "Source", "Mapping"], "SSEKMSKeyId" ->
 * ["SSE", "KMS", "Key", "Id"]. Capped at MAX_INPUT characters: the regexes backtrack over long capital runs.
 */
export function identifierWords(identifier: string): string[] {
  return identifier
    .slice(0, MAX_INPUT)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

interface Segment {
  words: number;
  forms: readonly string[];
  verb: boolean;
  suffix: boolean;
}

/** The table's forms for one English key, trying the singular of a plural (Messages -> message) and the -ing form of
 * a word the table knows in katakana (versioning -> バージョニング). */
function lookup(table: BilingualTable, key: string): readonly string[] | undefined {
  const direct = table.terms.get(key);
  if (direct) return direct;
  if (key.endsWith('ing') && key.length >= 6 && !key.includes(' ')) return ingForms(table, key);
  const last = key.slice(key.lastIndexOf(' ') + 1);
  if (last.length < 4 || !last.endsWith('s') || last.endsWith('ss')) return undefined;
  const stem = key.slice(0, key.length - 1);
  if (key.endsWith('ies')) return table.terms.get(key.slice(0, -3) + 'y');
  return table.terms.get(stem) ?? (key.endsWith('es') ? table.terms.get(key.slice(0, -2)) : undefined);
}

/** How katakana loanwords take English -ing: the last mora moves to its i-row and ング follows (バージョン ->
 * バージョニング, スケール -> スケーリング, ログ -> ロギング, キャッシュ -> キャッシング, ルート -> ルーティング,
 * モニター -> モニタリング). */
const ING_ENDINGS: readonly [string, string][] = [
  ['ッシュ', 'ッシング'], ['ン', 'ニング'], ['ル', 'リング'], ['グ', 'ギング'], ['ト', 'ティング'], ['ド', 'ディング'], ['ク', 'キング'],
  ['プ', 'ピング'], ['ブ', 'ビング'], ['ス', 'シング'], ['チ', 'チング'], ['ム', 'ミング'], ['ー', 'リング'],
];
const KATAKANA = /^[\u30a0-\u30ff]+$/;

function ingForms(table: BilingualTable, key: string): readonly string[] | undefined {
  const base = key.slice(0, -3);
  // versioning -> version, caching -> cache, logging -> log
  const stems = [base, `${base}e`, ...(base.length >= 3 && base.at(-1) === base.at(-2) ? [base.slice(0, -1)] : [])];
  for (const stem of stems) {
    const forms = table.terms.get(stem)?.filter((f) => KATAKANA.test(f));
    const derived = forms?.flatMap((f) => ING_ENDINGS.filter(([end]) => f.endsWith(end)).slice(0, 1).map(([end, ing]) => f.slice(0, -end.length) + ing));
    if (derived?.length) return derived;
  }
  return undefined;
}

/**
 * Longest phrases first: at each position the longest run of words the table knows (written with spaces, or
 * joined as one word: "source code" or "sourcecode") becomes one segment; stop-words and unknown words split runs.
 */
function segment(words: string[], table: BilingualTable): (Segment | undefined)[] {
  const out: (Segment | undefined)[] = [];
  for (let i = 0; i < words.length; ) {
    let found: Segment | undefined;
    for (let n = Math.min(table.maxWords, words.length - i); n >= 1 && !found; n--) {
      const span = words.slice(i, i + n);
      if (n === 1 && STOP_WORDS.has(span[0])) break;
      const forms = lookup(table, span.join(' ')) ?? (n > 1 ? lookup(table, span.join('')) : undefined);
      if (forms) found = { words: n, forms, verb: n === 1 && table.verbs.has(span[0]), suffix: n === 1 && table.suffixes.has(span[0]) };
    }
    out.push(found);
    i += found ? found.words : 1;
  }
  return out;
}

/**
 * Concatenations of one form per part, those made of better-ranked forms first (least sum of form ranks), at most
 * MAX_COMBINATIONS. Every part's alternatives take part, so データソース is built even where the table lists
 * データー first. The beam keeps the best partial concatenations only, which is exact for a sum of ranks.
 */
function combine(parts: readonly (readonly string[])[], joiner = ''): string[] {
  let beam: { text: string; rank: number }[] = [{ text: '', rank: 0 }];
  for (const forms of parts) {
    const next: { text: string; rank: number }[] = [];
    for (const head of beam) forms.forEach((f, r) => next.push({ text: head.text ? head.text + joiner + f : f, rank: head.rank + r }));
    beam = next.sort((a, b) => a.rank - b.rank).slice(0, MAX_COMBINATIONS);
  }
  return beam.map((c) => c.text);
}

/** A run of adjacent known segments as Japanese word order: a leading verb goes after its object (受信 after メッセージ). */
function runForms(run: Segment[]): string[] {
  if (run.length === 1) return [...run[0].forms];
  const [first, ...rest] = run;
  if (first.verb && rest.every((s) => !s.verb)) {
    const object = combine(rest.map((s) => s.forms));
    return [
      ...combine([object, first.forms]),
      ...combine([object, first.forms], 'を'),
    ];
  }
  return combine(run.map((s) => s.forms));
}

/**
 * The Japanese forms notes use for an English identifier or phrase, with how much of it each form covers:
 * the whole identifier first (its known phrases and words combined), then each maximal run of known words,
 * then each known phrase or word alone. Deduplicated; nothing for stop-words or words the table does not know.
 */
export function bilingualMatches(englishPhraseOrIdentifier: string, table: BilingualTable): BilingualMatch[] {
  // Qualified names are separate names: AWS::Lambda::EventSourceMapping, sqs:ReceiveMessage, a.b.c never
  // combine across their separators.
  let content = 0;
  const runs: Segment[][] = [];
  for (const part of englishPhraseOrIdentifier.slice(0, MAX_INPUT).split(/[:/.]+/)) {
    const words = englishWords(part);
    content += words.filter((w) => !STOP_WORDS.has(w)).length;
    // Maximal runs of adjacent known segments; a stop-word or unknown word ends a run.
    let current: Segment[] = [];
    for (const s of segment(words, table)) {
      // a suffix word cannot start a run: it needs a word before it
      if (s && !(s.suffix && current.length === 0)) current.push(s);
      else if (current.length) {
        runs.push(current);
        current = [];
      }
    }
    if (current.length) runs.push(current);
  }

  const out: BilingualMatch[] = [];
  const seen = new Set<string>();
  const add = (form: string, covers: number) => {
    if (form.length < MIN_FORM_LENGTH || seen.has(form)) return;
    seen.add(form);
    out.push({ form, covers, whole: content > 0 && covers >= content });
  };
  const coverage = (run: Segment[]) => run.reduce((n, s) => n + s.words, 0);
  // Runs that cover more words come first (the longest is the most specific evidence).
  for (const run of [...runs].sort((a, b) => coverage(b) - coverage(a))) {
    if (run.length > 1) for (const f of runForms(run)) add(f, coverage(run));
  }
  const singles = runs.flat().filter((s) => !s.suffix).sort((a, b) => b.words - a.words);
  for (const s of singles) for (const f of s.forms) add(f, s.words);
  return out;
}

/** The Japanese forms for an English identifier or phrase, best first (see bilingualMatches). */
export function japaneseTermsFor(englishPhraseOrIdentifier: string, table: BilingualTable): string[] {
  return bilingualMatches(englishPhraseOrIdentifier, table).map((m) => m.form);
}

// Reverse direction, built on first use per table.
const reverseCache = new WeakMap<BilingualTable, { byForm: Map<string, string[]>; maxLength: number }>();

function reverseIndex(table: BilingualTable) {
  let index = reverseCache.get(table);
  if (!index) {
    const byForm = new Map<string, string[]>();
    let maxLength = 0;
    for (const [english, forms] of table.terms) {
      for (const form of forms) {
        const key = foldForBilingualMatch(form);
        const list = byForm.get(key) ?? [];
        if (!list.includes(english)) list.push(english);
        byForm.set(key, list);
        maxLength = Math.max(maxLength, key.length);
      }
    }
    index = { byForm, maxLength };
    reverseCache.set(table, index);
  }
  return index;
}

/**
 * English words for a Japanese term: the table's own entry (可視性タイムアウト -> visibility timeout), else a
 * split of a compound into known forms, longest first (バッチサイズ -> batch size). Empty when any part is unknown.
 */
export function englishTermsFor(japanese: string, table: BilingualTable): string[] {
  const { byForm, maxLength } = reverseIndex(table);
  const text = foldForBilingualMatch(japanese.slice(0, MAX_INPUT));
  const direct = byForm.get(text);
  if (direct) return [...direct];
  const parts: string[] = [];
  for (let i = 0; i < text.length; ) {
    let n = Math.min(maxLength, text.length - i);
    for (; n >= MIN_FORM_LENGTH; n--) {
      const english = byForm.get(text.slice(i, i + n));
      if (english) {
        parts.push(english[0]);
        break;
      }
    }
    if (n < MIN_FORM_LENGTH) return [];
    i += n;
  }
  if (parts.length < 2) return [];
  // Japanese puts the verb after its object (メッセージ受信); English names put it first (receive message).
  if (table.verbs.has(parts[parts.length - 1])) parts.unshift(parts.pop()!);
  return [parts.join(' ')];
}

/**
 * Folding for comparing Japanese forms with note text: NFKC (half-width ｶﾀｶﾅ) and no middle dots or spaces between
 * katakana (バッチ・サイズ, バッチ サイズ -> バッチサイズ). Apply to both sides. Long-vowel spellings
 * (セキュリティー / セキュリティ) are not folded: the table lists both where they are used, since folding them
 * inside compounds would break substring matches (デッドレターキュー must still contain キュー).
 */
export function foldForBilingualMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/([\u30A1-\u30FA\u30FC])[・\s]+(?=[\u30A1-\u30FA])/g, '$1');
}
