// What every language feature receives: the knowledge base, the notes, the user's locale and settings.
// Features are pure functions of (document, position, context) returning LSP-shaped values.
import type { AwsData } from './data/awsData';
import type { Locale } from './l10n';

export interface NotesLookup {
  /**
   * Markdown block "From your notes" for a service: the best sections as breadcrumb + sanitised excerpt +
   * an Open Section link. Empty string when the notes say nothing about it.
   */
  notesMarkdownForService(serviceId: string): string;
  /**
   * Same block for note passages mentioning an exact term (a CloudFormation property such as `Egress`,
   * an intrinsic such as `!GetAtt`), optionally limited to sections about a service. Empty when none.
   */
  notesMarkdownForTerm(term: string, serviceId?: string): string;
  /** Code blocks in the notes whose language is one of `languages` (e.g. yaml, json, hcl, terraform). */
  codeBlocks(languages: readonly string[]): NoteCodeBlock[];
  /** How many note sections are about a service (the CodeLens count). Optional for older lookups. */
  sectionCount?(serviceId: string): number;
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
