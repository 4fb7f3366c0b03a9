// What every language feature receives: the knowledge base, the notes, the user's locale and settings.
// Features are pure functions of (document, position, context) returning LSP-shaped values.
import type { AwsData } from './data/awsData';
import type { Locale } from './present/l10n';
import type { NoteQuery } from './notes/noteQuery';
import type { QueryHit } from './notes/queryRanking';
import type { Identity } from './recognize/identities';

export interface NotesLookup {
  /** The query for an identifier under the cursor: the identifier, its equivalents and words, its service. */
  forIdentity(identity: Identity): NoteQuery;
  /** The query for a template property / Terraform argument (`BatchSize`), with its other-tool spellings. */
  forTerm(term: string, serviceId?: string, equivalents?: readonly string[]): NoteQuery;
  forService(serviceId: string): NoteQuery;
  /** Every note section for a query, best first: hover, Go to Definition, CodeLens and the explorer agree. */
  sections(query: NoteQuery): QueryHit[];
  /** How many sections `sections(query)` holds. */
  sectionCount(query: NoteQuery): number;
  /**
   * Markdown block "From your notes" for a query: the best sections as breadcrumb + sanitised excerpt + an Open
   * Section link. A one-line "still indexing" while the first crawl runs and nothing is found yet; else empty.
   */
  notesMarkdown(query: NoteQuery): string;
  /** Code blocks in the notes whose language is one of `languages` (e.g. yaml, json, hcl, terraform). */
  codeBlocks(languages: readonly string[]): NoteCodeBlock[];
}

export interface NoteCodeBlock {
  lang: string;
  code: string;
  /** "file.md › H1 › H2" of the section holding the block. */
  breadcrumb: string;
  uri: string;
  line: number;
}

export interface CoreContext {
  data: AwsData;
  notes: NotesLookup;
  locale: Locale;
}
