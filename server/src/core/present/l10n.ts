// Every user-facing string has an English and a Japanese form; the locale comes from `initialize` and the
// `awsNotes.displayLanguage` setting.
export type Locale = 'en' | 'ja';

export interface Text {
  en: string;
  ja: string;
}

export function toLocale(value: string | undefined): Locale {
  return value && value.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The `awsNotes.displayLanguage` setting: `auto` follows the editor; `en`/`ja` hold without a language pack. */
export type DisplayLanguage = 'auto' | Locale;

export function toDisplayLanguage(value: unknown): DisplayLanguage {
  return value === 'en' || value === 'ja' ? value : 'auto';
}

/** Our strings' language: the setting when it names one, else the editor's (an English VS Code with Japanese notes can say `ja`). */
export function resolveLocale(setting: DisplayLanguage, editorLocale: string | undefined): Locale {
  return setting === 'auto' ? toLocale(editorLocale) : setting;
}

/** Picks the locale's form and fills {name} placeholders. */
export function localize(locale: Locale, text: Text, args: Record<string, string | number> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}
