// The judged notes: the real seed notes, read at run time (never copied into the repository), and their sections
// as the product's own parser sees them. A section is named by its seed file and the 1-based line of its heading,
// so judgments stay valid whatever the ranking does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseNote } from '../../server/src/core/syntax/markdown/parseNote';
import type { NoteFile, Section } from '../../server/src/core/syntax/markdown/noteModel';

export interface SeedNote {
  /** Seed file name, e.g. 000_7e08a9f9dfbbc92e.txt (what judgments name). */
  file: string;
  /** The in-memory note's uri (a .md name, so the product treats it as Markdown). */
  uri: string;
  text: string;
  note: NoteFile;
  /** Start offset of every line (0-based line -> offset). */
  lineStarts: number[];
  /** Per section index: 1-based heading line (0 for the preamble). */
  headingLines: number[];
}

export interface SeedSet {
  dir: string;
  notes: SeedNote[];
  byUri: Map<string, SeedNote>;
  byFile: Map<string, SeedNote>;
}

/** `$AWS_NOTES_SEEDS`, else `../shared/seeds` beside the repository root; undefined when absent. */
export function seedsDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = path.resolve(repoRoot, env.AWS_NOTES_SEEDS || path.join('..', 'shared', 'seeds'));
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? dir : undefined;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 0-based line of an offset. */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function seedNote(file: string, text: string): SeedNote {
  const uri = `file:///seeds/${file.replace(/\.txt$/, '')}.md`;
  const note = parseNote(uri, text);
  const lineStarts = lineStartsOf(text);
  const headingLines = note.sections.map((s) => (s.level === 0 ? 0 : lineOf(lineStarts, s.headingStart) + 1));
  return { file, uri, text, note, lineStarts, headingLines };
}

export function loadSeeds(dir: string): SeedSet {
  const files = fs.readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort();
  const notes = files.map((f) => seedNote(f, fs.readFileSync(path.join(dir, f), 'utf8')));
  return { dir, notes, byUri: new Map(notes.map((n) => [n.uri, n])), byFile: new Map(notes.map((n) => [n.file, n])) };
}

/** Key of a section: `file:headingLine`. */
export function sectionKey(seed: SeedNote, section: Section): string {
  return `${seed.file}:${seed.headingLines[section.index]}`;
}

/** The deepest section whose own text (heading + own body) holds the 0-based line. */
export function sectionAtLine(seed: SeedNote, line: number): Section {
  const offset = seed.lineStarts[Math.min(Math.max(line, 0), seed.lineStarts.length - 1)];
  const sections = seed.note.sections;
  let found = sections[0];
  for (const s of sections) {
    if (s.level > 0 && s.headingStart <= offset) found = s;
    else if (s.headingStart > offset) break;
  }
  return found;
}

/** The section whose heading is on this 1-based line, if any. */
export function sectionWithHeadingAt(seed: SeedNote, line: number): Section | undefined {
  const i = seed.headingLines.findIndex((l, index) => l === line && seed.note.sections[index].level > 0);
  return i >= 0 ? seed.note.sections[i] : undefined;
}

/** Text a judgment's passage covers: `[from, to]` 1-based inclusive lines, else the section's whole extent. */
export function passageText(seed: SeedNote, section: Section, passage?: [number, number]): string {
  if (passage) {
    const from = seed.lineStarts[passage[0] - 1] ?? seed.text.length;
    const to = seed.lineStarts[passage[1]] ?? seed.text.length;
    return seed.text.slice(from, to);
  }
  return seed.text.slice(section.headingEnd, section.end);
}
