// Every AWS hover has the same shape: one line saying what the identifier is, then what the user's notes say
// (visible without scrolling: VS Code's hover widget shows about a dozen lines), then the generic facts.
export interface HoverParts {
  /** One line: the identifier, what it is, its equivalents. */
  head: string;
  /** Description, required properties, docs link...: shown after the notes. */
  details: string;
}

export function notesFirst(head: string, notes: string, details: readonly string[]): string {
  const rest = details.filter((d) => d.trim() !== '');
  const parts = [head];
  if (notes) parts.push(notes);
  if (rest.length) parts.push('---', rest.join('\n\n---\n\n'));
  return parts.join('\n\n');
}
