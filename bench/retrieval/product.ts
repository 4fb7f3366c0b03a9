// The product under test, seen from outside as an editor sees it: the ranked sections are Go to Definition's note
// locations in order; what the user sees is the hover's "From your notes" entries (Open-section link target and the
// quoted excerpt under it). Kept small and isolated so it can later call a core ranking API directly.
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core/languageService';
import { OPEN_SECTION_COMMAND } from '../../server/src/core/present/noteLinks';
import { findDataDir, loadAwsData } from '../../server/src/node/dataLoader';
import { featureProviders } from '../../server/src/node/providers';
import type { QueryOutcome, RankedEntry } from './metrics';
import { dedupe } from './metrics';
import { sectionAtLine, sectionKey, type SeedSet } from './seeds';

export interface ProductQuery {
  id: string;
  languageId: string;
  /** The file text without the cursor marker. */
  text: string;
  offset: number;
}

const EXTENSIONS: Record<string, string> = {
  yaml: 'yaml', json: 'json', terraform: 'tf', python: 'py', typescript: 'ts', javascript: 'js', markdown: 'md', plaintext: 'txt',
};

export function createProduct(seeds: SeedSet, repoRoot: string) {
  const service = createLanguageService({ data: loadAwsData(findDataDir(path.join(repoRoot, 'server'))), locale: 'en', providers: featureProviders() });
  for (const seed of seeds.notes) service.index.setText(seed.uri, seed.text);

  function keyOf(uri: string, line: number): string | undefined {
    const seed = seeds.byUri.get(uri);
    return seed ? sectionKey(seed, sectionAtLine(seed, line)) : undefined;
  }

  return {
    /** `unparsed`: the hover links note sections but no entry could be read (the hover format changed). */
    run(query: ProductQuery): QueryOutcome & { hoverText: string; unparsed: boolean } {
      const uri = `file:///workspace/${query.id}.${EXTENSIONS[query.languageId] ?? 'txt'}`;
      const document = TextDocument.create(uri, query.languageId, 1, query.text);
      const position = document.positionAt(query.offset);
      const locations = service.definition(document, position);
      const ranked = dedupe(locations.map((l) => keyOf(l.uri, l.range.start.line)).filter((k): k is string => !!k));
      const hoverText = hoverMarkdown(service.hover(document, position));
      const entries = parseHoverEntries(hoverText);
      const shown = entries
        .map((e) => ({ key: keyOf(e.uri, e.line), excerpt: e.excerpt }))
        .filter((e): e is RankedEntry => !!e.key)
        .slice(0, 3);
      return { ranked, shown, hoverText, unparsed: entries.length === 0 && hoverText.includes(`command:${OPEN_SECTION_COMMAND}`) };
    },
  };
}

export function hoverMarkdown(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents;
  const one = (c: unknown): string => (typeof c === 'string' ? c : ((c as MarkupContent).value ?? ''));
  return Array.isArray(contents) ? contents.map(one).join('\n\n') : one(contents);
}

export interface HoverEntry {
  uri: string;
  /** 0-based line the Open-section link reveals. */
  line: number;
  excerpt: string;
}

const LINK = new RegExp(`\\]\\(command:${OPEN_SECTION_COMMAND.replace('.', '\\.')}\\?([^)\\s]+)\\)`);

/** Each Open-section link in the hover, with the quoted lines that follow it (the excerpt). */
export function parseHoverEntries(markdown: string): HoverEntry[] {
  const entries: HoverEntry[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = LINK.exec(lines[i]);
    if (!m) continue;
    let args: { uri: string; line: number }[];
    try {
      args = JSON.parse(decodeURIComponent(m[1]));
    } catch {
      continue;
    }
    const quoted: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === '') j++;
    for (; j < lines.length && lines[j].startsWith('>'); j++) quoted.push(lines[j].replace(/^> ?/, ''));
    entries.push({ uri: args[0].uri, line: args[0].line, excerpt: quoted.join('\n').trim() });
  }
  return entries;
}
