// Differential test for Search Notes: the fast path (one flat heading table, a bounded heap, typing on re-scoring
// the last keystroke's rows, snippets read through kept heading positions without building lazy notes' sections)
// against a straightforward reference that parses every note afresh, splits lines itself and sorts every heading.
// Generated notes mix Japanese and English, CRLF, setext headings, front matter, fences holding `#` lines and a
// preamble; each is indexed three ways (parsed, headings-first from the pre-scan, lazy from kept positions).
import * as assert from 'node:assert/strict';
import { searchSections, SNIPPET_RESULTS } from '../../../../../server/src/core/features/notes/searchSections';
import { createLanguageService } from '../../../../../server/src/core/languageService';
import { preScanHeadings } from '../../../../../server/src/core/syntax/markdown/fastScan';
import type { NoteFile } from '../../../../../server/src/core/syntax/markdown/noteModel';
import type { NotesIndex } from '../../../../../server/src/core/notes/notesIndex';
import { headingPositions, mentionHits } from '../../../../../server/src/core/notes/notesIndex';
import { packSections } from '../../../../../server/src/core/notes/packedSections';
import type { Recognizer } from '../../../../../server/src/core/recognize/identities';
import { parseNote } from '../../../../../server/src/core/syntax/markdown/parseNote';
import { foldForSearch, tokenize } from '../../../../../server/src/core/notes/textIndex';
import { foldQuery, scoreFolded } from '../../../../../server/src/core/text/fuzzy';
import { searchKey } from '../../../../../shared/normalize';
import type { ScoredSection } from '../../../../../shared/protocol';
import { miniData } from '../../../../helpers/miniData';

/** Small deterministic PRNG (mulberry32): the same notes on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['SQS', 'Lambda', 'キュー', '可視性タイムアウト', 'デッドレターキュー', 'DynamoDB', 'ＤｙｎａｍｏＤＢ', 'コスト最適化', 'ReceiveMessage', 'バッチサイズ', 'IAM ロール', 'VPC', 'サブネット', 'S3 バケット', 'EventBridge', 'の設定', 'まとめ', 'lambda:InvokeFunction', 'リトライ', '注意点'];

function generateNote(rand: () => number, n: number): string {
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const phrase = (k: number) => Array.from({ length: k }, pick).join(rand() < 0.5 ? ' ' : '');
  const lines: string[] = [];
  if (rand() < 0.3) lines.push('---', `title: ${phrase(2)}`, 'tags: [aws]', '---', '');
  if (rand() < 0.4) lines.push(`${phrase(3)} の前書き。`, '');
  const sections = 2 + Math.floor(rand() * 7);
  for (let s = 0; s < sections; s++) {
    const title = `${phrase(1 + Math.floor(rand() * 3))} ${n}-${s}`;
    const style = rand();
    if (style < 0.15) lines.push(title, '='.repeat(4 + Math.floor(rand() * 6)));
    else if (style < 0.3) lines.push(title, '---');
    else lines.push(`${'#'.repeat(1 + Math.floor(rand() * 4))} ${title}`);
    lines.push('');
    const paragraphs = Math.floor(rand() * 4);
    for (let p = 0; p < paragraphs; p++) {
      const kind = rand();
      if (kind < 0.2) lines.push('```yaml', `# ${phrase(2)} (not a heading)`, `Type: AWS::SQS::Queue`, '```');
      else if (kind < 0.4) lines.push(`- ${phrase(2)}`, `- ${phrase(3)} を確認する`);
      else if (kind < 0.5) lines.push('<details>', `${phrase(3)}`, '</details>', '', `  ## ${phrase(1)} (indented)`, '\tタブ付きの行');
      else lines.push(`${phrase(4)}。${phrase(2)} について。`);
      lines.push('');
    }
  }
  const text = lines.join('\n');
  return rand() < 0.3 ? text.replace(/\n/g, '\r\n') : text;
}

/** The reference: each note parsed afresh, lines split by the editor's rules, every heading scored and sorted. */
const parsedCache = new WeakMap<Record<string, string>, Map<string, NoteFile>>();

function reference(index: NotesIndex, notes: Record<string, string>, query: string, limit: number): ScoredSection[] {
  let parsed = parsedCache.get(notes);
  if (!parsed) parsedCache.set(notes, (parsed = new Map(Object.entries(notes).map(([uri, text]) => [uri, parseNote(uri, text)]))));
  const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length - 1;
  const words = new Set<string>();
  tokenize(foldForSearch(query), (t) => words.add(t));
  const results: ScoredSection[] = [];
  const content = new Set<string>();
  if (query.trim()) {
    for (const hit of index.text.search(query, limit) ?? []) {
      const note = parsed!.get(hit.uri)!;
      const section = note.sections[hit.section];
      const line = lineOf(note.text, section.headingStart);
      const result: ScoredSection = {
        label: section.heading,
        detail: [note.name, ...section.parents, ...(section.level > 0 ? [section.heading] : [])].join(' › '),
        uri: hit.uri,
        line,
        score: hit.score,
        content: true,
      };
      if (results.length < SNIPPET_RESULTS) {
        // The section's lines (split at \n as the snippet is), the one holding most distinct words; the heading line
        // counts half a word less; the first best wins.
        const own = note.text.slice(section.headingStart, section.bodyEnd).split('\n');
        let best = -1;
        let bestWeight = 0;
        own.forEach((raw, k) => {
          const folded = foldForSearch(raw);
          const count = [...words].filter((w) => folded.includes(w)).length;
          const weight = k === 0 ? count - 0.5 : count;
          if (count > 0 && (best < 0 || weight > bestWeight)) [best, bestWeight] = [k, weight];
        });
        if (best >= 0) {
          const raw = own[best];
          const folded = foldForSearch(raw);
          const at = Math.min(...[...words].map((w) => folded.indexOf(w)).filter((i) => i >= 0));
          const lead = raw.length - raw.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)*/, '').length;
          const bare = raw.slice(lead).replace(/\s+$/, '');
          const from = bare.length <= 120 ? 0 : Math.max(0, at - lead - 40);
          result.snippet = ((from > 0 ? '…' : '') + bare.slice(from, from + 120) + (from + 120 < bare.length ? '…' : '')).replace(/\s+/g, ' ');
          result.snippetLine = line + best;
        }
      }
      results.push(result);
      content.add(`${hit.uri}#${hit.section}`);
    }
    if (results.length >= limit) return results.slice(0, limit);
  }
  const q = foldQuery(query);
  const headings: { score: number; uri: string; i: number; result: ScoredSection }[] = [];
  for (const [uri, note] of parsed!) {
    note.sections.forEach((section, i) => {
      if (section.level === 0 || content.has(`${uri}#${i}`)) return;
      const full = `${searchKey(section.heading)} ${section.parents.map(searchKey).join(' ')}`;
      const score = q ? scoreFolded(q, full) : 0;
      if (score < 0) return;
      const detail = [note.name, ...section.parents, section.heading].join(' › ');
      headings.push({ score, uri, i, result: { label: section.heading, detail, uri, line: lineOf(note.text, section.headingStart), score } });
    });
  }
  headings.sort((a, b) => b.score - a.score || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.i - b.i));
  return results.concat(headings.slice(0, Math.max(0, limit - results.length)).map((h) => h.result));
}

type Indexing = 'parsed' | 'headings first' | 'lazy';

function build(notes: Record<string, string>, how: Indexing) {
  const service = createLanguageService({ data: miniData() });
  for (const [uri, text] of Object.entries(notes)) {
    if (how === 'parsed') service.index.setText(uri, text);
    else {
      // Headings first from the pre-scan where it accepts the note; otherwise (and for `lazy`) the headings,
      // levels and positions a full scan gives, kept as a restored note keeps them: sections built only on demand.
      const full = parseNote(uri, text);
      const scan = (how === 'headings first' && preScanHeadings(text)) || {
        headings: full.sections.map((s) => s.heading),
        levels: full.sections.map((s) => s.level),
        positions: headingPositions(full),
      };
      service.index.setHeadingsFirst(uri, text, scan);
    }
  }
  return service.index;
}

describe('Search Notes: fast path = straightforward reference (generated notes)', () => {
  const rand = random(13);
  const notes: Record<string, string> = {};
  for (let n = 0; n < 60; n++) notes[`file:///gen/${String(n).padStart(2, '0')}-メモ.md`] = generateNote(rand, n);
  const typed = ['キュー', '可視性タイムアウト', 'lambda 連携', 'sqs visibility', 'ＤｙｎａｍｏＤＢ', 'receivemessage', 'コスト最適化', 'zq', 'バッチ', 'iam ロール'];

  it('the generated notes cover what they must (CRLF, setext, front matter, preamble, pre-scan declines)', () => {
    const texts = Object.values(notes);
    assert.ok(texts.filter((t) => t.includes('\r\n')).length >= 5);
    assert.ok(texts.some((t) => /\n=+(\r?\n|$)/.test(t)));
    assert.ok(texts.some((t) => t.startsWith('---')));
    assert.ok(texts.filter((t) => preScanHeadings(t)).length >= 5, 'some notes go the headings-first way');
    assert.ok(texts.filter((t) => !preScanHeadings(t)).length >= 5, 'some notes are declined by the pre-scan');
  });

  for (const how of ['parsed', 'headings first', 'lazy'] as Indexing[]) {
    it(`typed one character at a time, every keystroke equals the reference (${how})`, () => {
      const index = build(notes, how);
      let compared = 0;
      let snippets = 0;
      let fuzzy = 0;
      for (const limit of [300, 12]) {
        for (const word of typed) {
          for (let n = 1; n <= word.length; n++) {
            const query = word.slice(0, n);
            // Mid-word, the deferred notes' mentions get indexed: the index changes, no heading does.
            if (limit === 12 && word === typed[3] && n === 5) {
              // Until then snippets came from kept positions: lazy notes kept their sections unbuilt.
              if (how !== 'parsed') assert.ok(Object.keys(notes).some((uri) => !(index.get(uri) as { sectionsBuilt?: boolean }).sectionsBuilt));
              const before = index.version;
              assert.equal(index.indexPending(), 0);
              if (how !== 'parsed') assert.ok(index.version > before);
            }
            const got = searchSections(index, query, limit, Infinity);
            assert.deepEqual(got, reference(index, notes, query, limit), `${how} «${query}» limit ${limit}`);
            compared++;
            snippets += got.filter((r) => r.snippet).length;
            fuzzy += got.filter((r) => !r.content).length;
          }
        }
      }
      assert.deepEqual(searchSections(index, '', 7, Infinity), reference(index, notes, '', 7), 'empty query');
      // Not vacuous: snippets, fuzzy heading matches and lines past CRLF and setext headings were compared.
      assert.ok(compared > 100 && snippets > 100 && fuzzy > 100, `${compared} queries, ${snippets} snippets, ${fuzzy} fuzzy`);
    });
  }

  it('a changed note between keystrokes: the next keystroke sees it, still equal to the reference', () => {
    const copy = { ...notes };
    const index = build(copy, 'lazy');
    assert.deepEqual(searchSections(index, 'キ', 300, Infinity), reference(index, copy, 'キ', 300));
    const uri = 'file:///gen/00-メモ.md';
    const changed = { ...copy };
    changed[uri] = '# キューの新しい見出し\r\n\r\n本文。キュー\r\n\r\nSetext キュー\r\n---\r\n\r\nもう一つ。\r\n';
    index.setText(uri, changed[uri]);
    const got = searchSections(index, 'キュ', 300, Infinity);
    assert.ok(got.some((r) => r.uri === uri && r.label === 'Setext キュー' && r.line === 4));
    // Scores after an update use statistics that still count the old version: compare places and texts.
    const places = (rs: ScoredSection[]) => rs.map((r) => `${r.uri}#${r.line} ${r.detail} ${r.snippet ?? ''}@${r.snippetLine ?? ''}`).sort();
    assert.deepEqual(places(got), places(reference(index, changed, 'キュ', 300)));
  });

  it('sections and hits from the scan worker applied after the text index holds the notes: nothing to re-index, same answers', () => {
    const index = build(notes, 'headings first');
    index.text.sync(index);
    const recognizer = (index as unknown as { recognizer: Recognizer }).recognizer;
    for (const uri of Object.keys(notes)) {
      const note = index.get(uri)!;
      const full = parseNote(uri, notes[uri]);
      // (The scan worker's packing may also take the text, for code values shared with it.)
      const pack = packSections as (sections: unknown, codeRanges: unknown, text: string) => ReturnType<typeof packSections>;
      assert.ok(index.setMentionsIndexed(note, pack(full.sections, full.codeRanges, notes[uri]), mentionHits(recognizer, full)));
    }
    assert.equal(index.text.staleCount, 0);
    for (const query of ['キュー', 'sqs vis', 'ＤｙｎａｍｏＤＢ', 'バ']) assert.deepEqual(searchSections(index, query, 300, 0), reference(index, notes, query, 300), query);
  });
});
