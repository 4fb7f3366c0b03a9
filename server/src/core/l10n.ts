// Every user-facing string has an English and a Japanese form; the locale comes from `initialize`.
export type Locale = 'en' | 'ja';

export interface Text {
  en: string;
  ja: string;
}

export function toLocale(value: string | undefined): Locale {
  return value && value.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Picks the locale's form and fills {name} placeholders. */
export function localize(locale: Locale, text: Text, args: Record<string, string | number> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}
