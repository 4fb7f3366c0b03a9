// The language server's custom requests and notifications, as the client sees them (plain JSON shapes).

export const Requests = {
  reindex: 'awsNotes/reindex',
  stats: 'awsNotes/stats',
  searchSections: 'awsNotes/searchSections',
  convert: 'awsNotes/convert',
  servicesInNotes: 'awsNotes/servicesInNotes',
  sectionsForService: 'awsNotes/sectionsForService',
  notesOutline: 'awsNotes/notesOutline',
  equivalents: 'awsNotes/equivalents',
} as const;

export const Notifications = { indexed: 'awsNotes/indexed' } as const;

export interface Stats {
  files: number;
  sections: number;
  services: number;
  ms?: number;
}

export interface OpenSectionArgs {
  uri: string;
  line: number;
}

export interface SectionRef {
  label: string;
  /** Breadcrumb "file.md › H1 › H2". */
  detail: string;
  uri: string;
  line: number;
}

export interface ScoredSection extends SectionRef {
  score: number;
}

export interface ServiceInNotes {
  serviceId: string;
  name: string;
  shortName?: string;
  sections: number;
  files: number;
}

export interface NoteHeading {
  heading: string;
  level: number;
  line: number;
  parent: number;
}

export interface NoteOutline {
  uri: string;
  name: string;
  headings: NoteHeading[];
}

export interface Equivalent {
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

export interface ConvertResult {
  hcl: string;
  todos: string[];
  resource?: string;
  error?: string;
}

export interface PositionArgs {
  uri: string;
  position: { line: number; character: number };
}
