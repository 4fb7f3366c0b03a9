// "From your notes": the best note sections for a service (or term) as breadcrumb + excerpt + Open Section.
import type { NoteCodeBlock, NotesLookup } from '../context';
import type { AwsData } from '../data/awsData';
import { localize, type Locale } from './l10n';
import { M } from './messages';
import { escapeMarkdown, sanitizeNoteMarkdown } from './sanitize';
import { excerpt } from '../notes/excerpt';
import { breadcrumb, type NoteFile } from '../syntax/markdown/noteModel';
import type { NotesIndex } from '../notes/notesIndex';
import { queryForIdentity, serviceQuery, termQuery, type NoteQuery, type QueryContext, type Translate } from '../notes/noteQuery';
import { passageOf, QueryRanker, type QueryHit } from '../notes/queryRanking';
import { LineIndex } from '../text/lineIndex';
import { openSectionLink } from './noteLinks';

export interface NotesMarkdownOptions {
  maxSections: number;
}

interface RenderedPassage {
  line: number;
  heading: string;
  excerpt: string;
}

// Sanitising re-parses the excerpt, which dominates a hover's time: keep the result per note version.
// A NoteFile object is replaced whenever the note changes, so the WeakMap forgets stale entries by itself.
const rendered = new WeakMap<NoteFile, Map<string, RenderedPassage>>();

function renderPassage(note: NoteFile, hit: QueryHit): RenderedPassage {
  let perNote = rendered.get(note);
  if (!perNote) rendered.set(note, (perNote = new Map()));
  // A heading with no body of its own (a container) shows its first sub-section's opening, never an empty entry.
  const from = passageOf(note, hit);
  const key = `${hit.section}:${from.section.index}:${from.block}:${hit.anchor}`;
  let passage = perNote.get(key);
  if (!passage) {
    const section = note.sections[hit.section];
    passage = {
      line: new LineIndex(note.text).positionAt(hit.anchor).line,
      heading: escapeMarkdown(breadcrumb(note, section)),
      excerpt: sanitizeNoteMarkdown(excerpt(note, from.section, from.block)),
    };
    perNote.set(key, passage);
  }
  return passage;
}

/** A section is shown in the hover when its score is at least this share of the best section's. */
const SHOWN_SCORE_RATIO = 0.5;

export function renderHits(index: NotesIndex, hits: readonly QueryHit[], locale: Locale, maxSections: number, identifier = false): string {
  if (hits.length === 0 || maxSections <= 0) return '';
  // Only sections close to the best one are shown: a weak third entry is noise; Go to Definition lists them all.
  // For an identifier that no section holds, one section about its service stands in, not three.
  const floor = hits[0].score * SHOWN_SCORE_RATIO;
  const fillOnly = identifier && !hits[0].evidence;
  const shown = hits.slice(0, fillOnly ? 1 : maxSections).filter((hit, i) => i === 0 || hit.score >= floor);
  const title = hits.length > shown.length ? M.fromYourNotesCounted : M.fromYourNotes;
  const parts = [`**${localize(locale, title, { count: hits.length })}**`];
  for (const hit of shown) {
    const note = index.get(hit.uri);
    if (!note) continue;
    const passage = renderPassage(note, hit);
    const link = openSectionLink({ uri: note.uri, line: passage.line });
    parts.push(`${passage.heading} — [${localize(locale, M.openSection)}](${link})`);
    if (passage.excerpt) parts.push(quote(passage.excerpt));
  }
  const rest = hits.length - shown.length;
  if (rest > 0) parts.push(`_${localize(locale, rest === 1 ? M.oneMoreSection : M.moreSections, { count: rest })}_`);
  return parts.join('\n\n');
}

function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

export interface NotesLookupOptions {
  locale: () => Locale;
  options: () => NotesMarkdownOptions;
  /** English words -> Japanese forms (the bilingual table), when loaded. */
  translate?: Translate;
  /** Service ids named in English text (the recogniser). */
  servicesIn?: (text: string) => readonly string[];
  /** Whether the first crawl is still running, and how far it is. */
  progress?: () => { done: number; total: number } | undefined;
  /** No notes folder is configured: the first hover that finds nothing in the notes says how to set one. */
  setupHint?: () => boolean;
}

export function createNotesLookup(index: NotesIndex, data: AwsData, lookup: NotesLookupOptions): NotesLookup {
  const ranker = new QueryRanker(index);
  // Issue 16: a ranking finished in the crawl's idle time gets its top passages sanitised there too (remark, the
  // largest part of a hover's time), so the next hover only reads them from the cache.
  const toPrepare: QueryHit[] = [];
  ranker.onRankedInBackground = (hits) => {
    toPrepare.length = 0;
    toPrepare.push(...hits.slice(0, lookup.options().maxSections).reverse());
  };
  index.onBackgroundWork((shouldStop) => {
    while (toPrepare.length && !shouldStop()) {
      const hit = toPrepare.pop()!;
      const note = index.get(hit.uri);
      if (note) renderPassage(note, hit);
    }
    return toPrepare.length > 0;
  });
  const queryContext: QueryContext = { data, translate: lookup.translate, servicesIn: lookup.servicesIn };
  // Once per session (per server): a hint repeated on every hover would be noise.
  let hintShown = false;
  const markdown = (query: NoteQuery) => {
    const hits = ranker.rank(query);
    const block = renderHits(index, hits, lookup.locale(), lookup.options().maxSections, query.exact.length + query.related.length > 0);
    const progress = lookup.progress?.();
    // While the first crawl runs, what is shown may still change: say how far it is.
    if (block) return progress ? `${block}\n\n_${localize(lookup.locale(), M.indexingMore, { done: progress.done, total: progress.total })}_` : block;
    if (progress) return `_${localize(lookup.locale(), M.stillIndexing, { done: progress.done, total: progress.total })}_`;
    if (!hintShown && lookup.setupHint?.()) {
      hintShown = true;
      return `_${localize(lookup.locale(), M.notesNotConfigured)}_`;
    }
    return '';
  };
  return {
    forIdentity: (identity) => queryForIdentity(identity, queryContext),
    forTerm: (term, serviceId, equivalents) => termQuery(term, serviceId, queryContext, equivalents),
    forService: (serviceId) => serviceQuery(serviceId),
    sections: (query) => ranker.rank(query),
    notesMarkdown: markdown,
    codeBlocks(languages) {
      const wanted = new Set(languages.map((l) => l.toLowerCase()));
      const blocks: NoteCodeBlock[] = [];
      for (const note of index.files()) {
        let lines: LineIndex | undefined;
        for (const section of note.sections) {
          for (const block of section.codeBlocks) {
            if (!wanted.has(block.lang)) continue;
            lines ??= new LineIndex(note.text);
            blocks.push({ lang: block.lang, code: block.value, breadcrumb: breadcrumb(note, section), uri: note.uri, line: lines.positionAt(block.start).line });
          }
        }
      }
      return blocks;
    },
    sectionCount: (query) => ranker.rank(query).length,
  };
}

