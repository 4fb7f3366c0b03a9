// The server's custom requests and notifications and the shapes they carry: one definition shared by the server
// and the VS Code client (the client imports no server code). Each message is a typed `RequestType<P, R>` /
// `NotificationType<P>`, so a handler or a call with the wrong params or result fails to compile at either end.
// The package's root entry is its pure common part (no Node, no VS Code: see the layering test).
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export interface SectionRef {
  label: string;
  detail: string;
  uri: string;
  line: number;
}

export interface ServiceInNotes {
  serviceId: string;
  name: string;
  shortName?: string;
  sections: number;
  files: number;
}

export interface NoteOutline {
  uri: string;
  name: string;
  headings: { heading: string; level: number; line: number; parent: number }[];
}

export interface Equivalent {
  /** "CloudFormation", "Terraform", "Terraform (awscc)", "IAM", "boto3", "JS SDK v3", "Principal" */
  kind: string;
  value: string;
  url?: string;
}

export interface EquivalentsAnswer {
  identifier: string;
  identityKind: string;
  serviceId: string;
  serviceName: string;
  equivalents: Equivalent[];
}

export interface OpenSectionArgs {
  uri: string;
  /** Zero-based line to reveal at the top of the editor. */
  line: number;
}

export interface ScoredSection {
  label: string;
  /** Breadcrumb "file.md › H1 › H2". */
  detail: string;
  uri: string;
  /** The heading's line. */
  line: number;
  score: number;
  /** Found in the section's text by the full-text index (otherwise a fuzzy match of its heading). */
  content?: boolean;
  /** For the first content matches: the line holding most of the query's words, trimmed (Markdown markers dropped). */
  snippet?: string;
  /** That line's number. */
  snippetLine?: number;
}

export interface PositionArgs {
  uri: string;
  position: { line: number; character: number };
}

export interface Stats {
  files: number;
  sections: number;
  services: number;
  ms?: number;
}

export type NoteHeading = NoteOutline['headings'][number];

export interface ConvertResult {
  hcl: string;
  todos: string[];
  resource?: string;
  error?: string;
}

/** `awsNotes/stats`: the index's counts and the server's pid (issue 9: editor tests find the process to kill). */
export interface StatsAnswer extends Stats {
  pid: number;
}

export interface SearchSectionsParams {
  query: string;
  limit?: number;
}

export interface ConvertParams {
  uri: string;
  /** The logical id of one resource to convert; otherwise the one holding `offset`, otherwise the whole template. */
  resource?: string;
  offset?: number;
}

export interface SectionsForServiceParams {
  serviceId: string;
  /** A resource type of the service (a CodeLens's list), or every section about the service. */
  type?: string;
}

export interface HeadingsIndexedParams {
  files: number;
  ms: number;
}

// The method names are the wire protocol other editors use: never rename them.
export const Requests = {
  reindex: new RequestType0<Stats, void>('awsNotes/reindex'),
  stats: new RequestType0<StatsAnswer, void>('awsNotes/stats'),
  searchSections: new RequestType<SearchSectionsParams, ScoredSection[], void>('awsNotes/searchSections'),
  convert: new RequestType<ConvertParams, ConvertResult, void>('awsNotes/convert'),
  servicesInNotes: new RequestType0<ServiceInNotes[], void>('awsNotes/servicesInNotes'),
  sectionsForService: new RequestType<SectionsForServiceParams, SectionRef[], void>('awsNotes/sectionsForService'),
  notesOutline: new RequestType0<NoteOutline[], void>('awsNotes/notesOutline'),
  equivalents: new RequestType<PositionArgs, EquivalentsAnswer | null, void>('awsNotes/equivalents'),
  /** Open Section's check (issue 12): `{ uri, line }` -> the same when it is an indexed note's line, else null. */
  resolveSection: new RequestType<OpenSectionArgs, OpenSectionArgs | null, void>('awsNotes/resolveSection'),
} as const;

export const Notifications = {
  indexed: new NotificationType<Stats>('awsNotes/indexed'),
  /** Phase 1 of a crawl is over: every heading is searchable; hovers gain notes as mentions are indexed. */
  headingsIndexed: new NotificationType<HeadingsIndexedParams>('awsNotes/headingsIndexed'),
  /** Client -> server: the user trusted the workspace (Restricted Mode is over): its notes may be indexed now. */
  workspaceTrusted: new NotificationType0('awsNotes/workspaceTrusted'),
} as const;
