// A localized message whose arguments come from a document (a logical id, an address, an attribute name): the
// messages put such arguments inside code spans (`{address}`), and a code span holding untrusted text is exactly
// what a renderer can misread (see sanitize.ts). Each code span of the message is rebuilt with `inlineCode` from
// its substituted text, and arguments outside code spans are escaped as plain text.
import { type Locale, type Text } from './l10n';
import { escapeMarkdown, inlineCode } from './sanitize';

export function localizeMarkdown(locale: Locale, text: Text, args: Record<string, string | number> = {}): string {
  const fill = (part: string) => part.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
  return text[locale]
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? inlineCode(fill(part.slice(1, -1))) : part.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? escapeMarkdown(String(args[key])) : whole))))
    .join('');
}
