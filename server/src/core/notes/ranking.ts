// Which note sections are *about* a service, best first. A heading that names the service, definitional
// phrasing ("SQS とは", "SQS =", "SQS:" at the start of a passage) and density count; a passing mention in a long
// section still counts, and then the passage that discusses the service is what we point at.
import type { Mention } from './noteMentions';
import type { NoteFile, Section } from '../syntax/markdown/noteModel';

export interface SectionHit {
  uri: string;
  section: number;
  score: number;
  /** Whether the section is about the service rather than mentioning it. */
  about: boolean;
  /** Offset to open the note at: the heading, or the passage deep inside a long section. */
  anchor: number;
  /** Block index the excerpt starts at (-1: start of the section body). */
  block: number;
}

const DEFINITIONAL_STRONG = /^\s*(?:とは|って何|について|[=＝]|:|：)/;
const DEFINITIONAL_WEAK = /^\s*(?:は|（|\(|の概要|の特徴)/;

export function rankSections(note: NoteFile, mentions: readonly Mention[]): SectionHit[] {
  const bySection = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (m.section < 0) continue;
    const list = bySection.get(m.section) ?? [];
    list.push(m);
    bySection.set(m.section, list);
  }
  const hits: SectionHit[] = [];
  // Counted by binary search over the sorted starts: a loop over all mentions per section was quadratic in a
  // note's sections (issue 16: a long note mentioning a service in every section).
  const starts = sortedStarts(mentions);
  for (const [index, list] of bySection) {
    const section = note.sections[index];
    // Mentions in the subsections too: a heading that names the service and whose subsections keep
    // discussing it (a note titled "SQS と Lambda…") outranks a passing sub-heading elsewhere.
    const within = lowerBound(starts, section.end) - lowerBound(starts, section.headingEnd);
    hits.push(scoreSection(note, section, list, within));
  }
  return hits;
}

/** The mentions' starts in ascending order (findMentions gives them in text order; sorted here all the same). */
function sortedStarts(mentions: readonly Mention[]): Float64Array {
  const starts = new Float64Array(mentions.length);
  let sorted = true;
  for (let i = 0; i < mentions.length; i++) {
    starts[i] = mentions[i].start;
    if (i > 0 && starts[i] < starts[i - 1]) sorted = false;
  }
  return sorted ? starts : starts.sort();
}

/** The number of values in the sorted `values` below `x`. */
function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function scoreSection(note: NoteFile, section: Section, mentions: Mention[], mentionsWithin: number): SectionHit {
  let score = 0;
  let headingHit = false;
  const blockWeight = new Map<number, number>();
  for (const m of mentions) {
    if (m.inHeading) {
      headingHit = true;
      continue;
    }
    const after = note.text.slice(m.end, m.end + 8);
    const blockStart = m.block >= 0 ? section.blocks[m.block].start : -1;
    const leading = blockStart >= 0 && /^[\s>*\-+#|0-9.]*(?:\*\*)?(?:AWS |Amazon )?$/.test(note.text.slice(blockStart, m.start));
    // Names weigh more than identifiers listed in code or tables (IAM actions, ARNs).
    let weight = m.inCode || (m.kind !== 'service' && m.kind !== 'cfnType') ? 0.5 : 1;
    if (DEFINITIONAL_STRONG.test(after) && (leading || /^\s*とは/.test(after))) weight += 5;
    else if (DEFINITIONAL_WEAK.test(after) && leading) weight += 2;
    score += weight;
    if (m.block >= 0) blockWeight.set(m.block, (blockWeight.get(m.block) ?? 0) + weight);
  }
  if (headingHit) {
    score += 12 + Math.min(4, mentionsWithin * 0.4) + (6 - Math.min(section.level, 6)) * 0.25;
    const name = mentions.find((m) => m.inHeading)!;
    const before = note.text.slice(section.headingStart, name.start).replace(/^#+\s*\[?/, '').replace(/^(?:AWS|Amazon)\s*/, '');
    // A link heading `# [Amazon Simple Queue Service (SQS)](url)` names the service as plainly as `# SQS`: the
    // link target and a parenthesised short name are not words about something else.
    const after = note.text
      .slice(name.end, section.headingEnd)
      .replace(/\]\([^)]*\)/g, '')
      .replace(/^\s*[（(][^)）]{0,40}[)）]/, '')
      .replace(/[\]）)]+\s*$/, '')
      .trim();
    if (before.trim() === '') score += 4;
    // "## SQS とは", "## SQS", "## SQS の基本": the section defines the service.
    if (before.trim() === '' && (after === '' || /^(?:とは|について|の(?:基本|概要|特徴|まとめ))/.test(after))) score += 8;
    // Substance: a chapter about the service outranks a two-line heading that only names it.
    score += Math.min(6, (section.bodyEnd - section.headingEnd) / 350);
  }
  const bodyLength = Math.max(200, section.bodyEnd - section.headingEnd);
  score += Math.min(4, (mentions.length * 1000) / bodyLength);
  let bestBlock = -1;
  let bestWeight = 0;
  for (const [block, weight] of blockWeight) {
    if (weight > bestWeight || (weight === bestWeight && block < bestBlock)) {
      bestBlock = block;
      bestWeight = weight;
    }
  }
  const about = headingHit || bestWeight >= 5 || mentions.length >= 3;
  const deep = !headingHit && bestBlock > 0;
  return {
    uri: note.uri,
    section: section.index,
    score,
    about,
    anchor: deep ? section.blocks[bestBlock].start : section.headingStart,
    block: deep ? bestBlock : -1,
  };
}

export function compareHits(a: SectionHit, b: SectionHit): number {
  return b.score - a.score || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.section - b.section);
}
