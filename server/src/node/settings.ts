// The `awsNotes` settings as the server reads them (workspace/configuration or initializationOptions).
import { defaultCacheDir } from './cacheDir';
import { type CoreSettings, DEFAULT_CORE_SETTINGS, type DisplayLanguage, toDisplayLanguage } from '../core';

export interface ServerSettings extends CoreSettings {
  /** Language of our own strings; display only, never a reason to re-index. */
  displayLanguage: DisplayLanguage;
  /** `setupHint`: with no `notes.paths`, the first hover that finds nothing in the notes says how to set them. */
  hover: CoreSettings['hover'] & { setupHint: boolean };
  notes: {
    paths: string[];
    exclude: string[];
    /** Follow symlinks whose real path leaves the note folders (issue 12: off, they could point at ~/.aws). */
    followSymlinksOutside: boolean;
    /** In an untrusted workspace, index its own Markdown files (and relative `notes.paths`) anyway. */
    indexUntrustedWorkspaces: boolean;
  };
  cache: { dir: string };
  limits: {
    maxFileSize: number;
    /** Sections kept per note (the first N); the rest of the note is not indexed. */
    maxSectionsPerFile: number;
    /** A note whose parse took longer is not parsed again until its content changes. */
    parseTimeBudgetMs: number;
    /** Notes whose quotes/lists nest deeper than this are skipped (the parsers get slow or recurse there). */
    maxNestingDepth: number;
  };
}

export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

export const DEFAULT_SETTINGS: ServerSettings = {
  ...DEFAULT_CORE_SETTINGS,
  hover: { ...DEFAULT_CORE_SETTINGS.hover, setupHint: true },
  displayLanguage: 'auto',
  notes: { paths: [], exclude: DEFAULT_EXCLUDE, followSymlinksOutside: false, indexUntrustedWorkspaces: false },
  cache: { dir: '' },
  limits: { maxFileSize: 4 * 1024 * 1024, maxSectionsPerFile: 5000, parseTimeBudgetMs: 2000, maxNestingDepth: 64 },
};

type Loose = Record<string, unknown> | undefined | null;

function pick<T>(value: unknown, fallback: T, valid: (v: unknown) => boolean): T {
  return valid(value) ? (value as T) : fallback;
}

const isStringArray = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isPositive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** Accepts both nested objects ({notes: {paths}}) and VS Code's dotted keys ({"notes.paths": ...}). */
export function normalizeSettings(raw: Loose): ServerSettings {
  const get = (dotted: string): unknown => {
    if (!raw) return undefined;
    if (dotted in raw) return raw[dotted];
    return dotted.split('.').reduce<unknown>((obj, key) => (obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined), raw);
  };
  const d = DEFAULT_SETTINGS;
  return {
    displayLanguage: toDisplayLanguage(get('displayLanguage')),
    notes: {
      paths: pick(get('notes.paths'), d.notes.paths, isStringArray),
      exclude: pick(get('notes.exclude'), d.notes.exclude, isStringArray),
      followSymlinksOutside: get('notes.followSymlinksOutside') === true,
      indexUntrustedWorkspaces: get('notes.indexUntrustedWorkspaces') === true,
    },
    cache: { dir: pick(get('cache.dir'), '', (v) => typeof v === 'string') || defaultCacheDir() },
    hover: {
      maxSections: pick(get('hover.maxSections'), d.hover.maxSections, (v) => typeof v === 'number' && v >= 0 && v <= 50),
      setupHint: get('hover.setupHint') !== false,
    },
    limits: {
      maxFileSize: pick(get('limits.maxFileSize'), d.limits.maxFileSize, isPositive),
      maxSectionsPerFile: pick(get('limits.maxSectionsPerFile'), d.limits.maxSectionsPerFile, isPositive),
      parseTimeBudgetMs: pick(get('limits.parseTimeBudgetMs'), d.limits.parseTimeBudgetMs, isPositive),
      maxNestingDepth: pick(get('limits.maxNestingDepth'), d.limits.maxNestingDepth, isPositive),
    },
  };
}
