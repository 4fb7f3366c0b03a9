// "aws-notes lookup <term>": a term typed on the command line answered like a hover on it, with the sections Go to
// Definition lists (same ranking, same order) as data for --json.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CoreContext } from '../../context';
import type { ServiceEntry } from '../../data/types';
import { excerpt } from '../../notes/excerpt';
import type { NotesIndex } from '../../notes/notesIndex';
import { passageOf } from '../../notes/queryRanking';
import { scanIdentities, type Identity, type Recognizer } from '../../recognize/identities';
import { breadcrumb } from '../../syntax/markdown/noteModel';
import { LineIndex } from '../../text/lineIndex';

export interface LookupSection {
  uri: string;
  line: number;
  breadcrumb: string;
  about: boolean;
  score: number;
  excerpt: string;
}

export interface LookupAnswer {
  term: string;
  identity: Pick<Identity, 'kind' | 'text'>;
  service: ServiceEntry;
  sections: LookupSection[];
  markdown: string;
}

interface LookupParts {
  recognizer: Recognizer;
  index: NotesIndex;
  context: CoreContext;
  hover(document: TextDocument, position: Position): Hover | null;
}

export function lookupTerm(term: string, parts: LookupParts): LookupAnswer | undefined {
  const { recognizer, index, context } = parts;
  // The term as written, then as a boto3-style lower-case id ("sqs") unless it is an ordinary word that only
  // names a service when written as one ("config", "batch": see ServiceEntry.ambiguousNames).
  const lower = term.toLowerCase();
  const ordinaryWord = context.data.services().some((s) => s.ambiguousNames?.some((n) => n.toLowerCase() === lower));
  for (const candidate of ordinaryWord ? [term] : [term, `client("${lower}")`]) {
    const [identity] = scanIdentities(recognizer, candidate, 'prose');
    if (!identity) continue;
    const document = TextDocument.create('untitled:lookup', 'plaintext', 1, candidate);
    const hover = parts.hover(document, document.positionAt(identity.start));
    if (!hover) continue;
    const notes = context.notes;
    const sections = notes.sections(notes.forIdentity(identity)).map((hit): LookupSection => {
      const note = index.get(hit.uri)!;
      const passage = passageOf(note, hit);
      return {
        uri: hit.uri,
        line: new LineIndex(note.text).positionAt(hit.anchor).line,
        breadcrumb: breadcrumb(note, note.sections[hit.section]),
        about: hit.about,
        score: Math.round(hit.score * 100) / 100,
        excerpt: excerpt(note, passage.section, passage.block),
      };
    });
    const markdown = (hover.contents as { value: string }).value;
    return { term, identity: { kind: identity.kind, text: identity.text }, service: context.data.service(identity.serviceId)!, sections, markdown };
  }
  return undefined;
}
