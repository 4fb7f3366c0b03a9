// A short excerpt of a section, cut at block boundaries: the opening of a section that is about the service,
// or the passage that discusses it deep inside a long one.
import type { NoteFile, Section } from '../syntax/markdown/noteModel';

export interface ExcerptOptions {
  /** Soft limit in characters; at least one block is always shown. */
  maxChars: number;
  maxBlocks: number;
}

const DEFAULTS: ExcerptOptions = { maxChars: 420, maxBlocks: 4 };
const MAX_LINES_OF_ONE_BLOCK = 12;

export function excerpt(note: NoteFile, section: Section, fromBlock: number, options: Partial<ExcerptOptions> = {}): string {
  const { maxChars, maxBlocks } = { ...DEFAULTS, ...options };
  const blocks = section.blocks;
  const first = Math.max(0, fromBlock);
  let out = '';
  let count = 0;
  let lastEnd = -1;
  for (let i = first; i < blocks.length && count < maxBlocks; i++) {
    const block = blocks[i];
    const text = note.text.slice(block.start, block.end);
    if (count > 0 && out.length + text.length > maxChars) break;
    const cut = cutBlock(text, block.code, maxChars);
    // Keep the note's own spacing between blocks (list items stay one list).
    out += lastEnd < 0 ? cut.text : note.text.slice(lastEnd, block.start) + cut.text;
    lastEnd = block.end;
    count++;
    if (cut.truncated) break;
  }
  return out.trim();
}

function cutBlock(text: string, code: boolean, maxChars: number): { text: string; truncated: boolean } {
  const lines = text.split(/\r?\n/);
  if (text.length <= maxChars * 1.5 && lines.length <= MAX_LINES_OF_ONE_BLOCK) return { text, truncated: false };
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (kept.length >= MAX_LINES_OF_ONE_BLOCK || (kept.length > 0 && size + line.length > maxChars)) break;
    kept.push(line.length > maxChars ? line.slice(0, maxChars) + '…' : line);
    size += line.length;
  }
  if (code) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(lines[0])?.[1];
    if (fence) kept.push(fence);
    return { text: kept.join('\n'), truncated: true };
  }
  return { text: kept.join('\n') + ' …', truncated: true };
}
