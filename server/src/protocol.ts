// The server's custom requests and notifications: one definition shared by the server and the VS Code client.
export type { SectionRef, ServiceInNotes, NoteOutline } from './core/features/notesOutline';
export type { Equivalent, EquivalentsAnswer } from './core/features/equivalents';
export type { OpenSectionArgs } from './core/features/noteLinks';
export type { ScoredSection } from './core/features/searchSections';

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


export type NoteHeading = import('./core/features/notesOutline').NoteOutline['headings'][number];

export interface ConvertResult {
  hcl: string;
  todos: string[];
  resource?: string;
  error?: string;
}
