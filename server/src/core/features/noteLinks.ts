// The only executable links in our hovers: Open Section, created by the server, never taken from a note.
export const OPEN_SECTION_COMMAND = 'awsNotes.openSection';

export interface OpenSectionArgs {
  uri: string;
  /** Zero-based line to reveal at the top of the editor. */
  line: number;
}

export function openSectionLink(args: OpenSectionArgs): string {
  return `command:${OPEN_SECTION_COMMAND}?${encodeURIComponent(JSON.stringify([args]))}`;
}
