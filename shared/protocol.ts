// The server's custom requests and notifications and the shapes they carry: one definition shared by the server
// and the VS Code client (the client imports no server code).

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

export const Requests = {
  reindex: 'awsNotes/reindex',
  stats: 'awsNotes/stats',
  searchSections: 'awsNotes/searchSections',
  convert: 'awsNotes/convert',
  servicesInNotes: 'awsNotes/servicesInNotes',
  sectionsForService: 'awsNotes/sectionsForService',
  notesOutline: 'awsNotes/notesOutline',
  equivalents: 'awsNotes/equivalents',
  /** Open Section's check (issue 12): `{ uri, line }` -> the same when it is an indexed note's line, else null. */
  resolveSection: 'awsNotes/resolveSection',
} as const;

export const Notifications = {
  indexed: 'awsNotes/indexed',
  /** Phase 1 of a crawl is over: every heading is searchable; hovers gain notes as mentions are indexed. */
  headingsIndexed: 'awsNotes/headingsIndexed',
  /** Client -> server: the user trusted the workspace (Restricted Mode is over): its notes may be indexed now. */
  workspaceTrusted: 'awsNotes/workspaceTrusted',
} as const;

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
