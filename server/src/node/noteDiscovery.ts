// Which files are notes: `notes.paths` entries (folders, globs, files; absolute, ~/..., or relative to each
// workspace folder; default: every Markdown file in the workspace) minus `notes.exclude`. The walk follows
// symlinks but never visits a directory twice, so symlink loops cannot hang it. Issue 12: a symlink whose real path
// leaves the note folders is skipped (unless `notes.followSymlinksOutside`), and roots that would crawl the machine
// (`/`, `/proc`, `/sys`, `/dev`, the home folder itself) are refused.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { afterRequests, BACKGROUND_STEP_MS, requestPending } from './requestGate';

export interface NoteRoot {
  /** Directory the walk starts at. */
  base: string;
  /** Pattern relative to base; undefined means "every Markdown file". */
  pattern?: string;
  /** Set when the entry named one file. */
  file?: boolean;
  /** The entry as the user wrote it, for messages. */
  source: string;
}

export interface DiscoveryResult {
  files: string[];
  missing: string[];
  problems: string[];
}

export interface DiscoveryOptions {
  /** Follow symlinks whose real path is outside every root (`notes.followSymlinksOutside`). */
  followOutside?: boolean;
  /**
   * Told the notes as the walk finds them, in walk order (each once; every one before the walk's promise settles):
   * the cold crawl's scan workers read them meanwhile (issue 16).
   */
  onFound?: (files: string[]) => void;
}

/** Notes found are told to `onFound` in chunks of this many (and whenever the walk yields). */
const FOUND_CHUNK = 128;
/** The longest synchronous step of a walk (ms): the crawl's step (requestGate.ts). */
export const WALK_STEP_MS = BACKGROUND_STEP_MS;

/** System folders that are never notes: a root there (or `/` itself) would crawl devices and kernel files. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Why a root is refused (undefined: it is fine): the file-system root, a system folder or anything inside one, or
 * the home folder itself (it holds ~/.aws, ~/.ssh…; a notes folder inside it is fine). Real paths are compared,
 * so a symlink to `/` is refused too.
 */
export function refusedRoot(base: string, home = os.homedir()): 'root' | 'system' | 'home' | undefined {
  const real = realOrSelf(base);
  if (path.parse(real).root === real) return 'root';
  if (process.platform !== 'win32' && SYSTEM_DIRS.some((dir) => real === dir || real.startsWith(dir + '/'))) return 'system';
  if (home && real === realOrSelf(home)) return 'home';
  return undefined;
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real paths the notes may live in: each folder root's, and each file root's own (named by the user). */
export function realRoots(roots: readonly NoteRoot[]): string[] {
  return roots.map((r) => realOrSelf(r.base));
}

/** Whether `file` (after symlinks) is inside one of the roots (`reals` from `realRoots`). Missing files: false. */
export function insideRoots(file: string, reals: readonly string[]): boolean {
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch {
    return false;
  }
  return reals.some((root) => isInside(real, root));
}

const MARKDOWN = /\.(?:md|markdown|mdown|mkd|mdx)$/i;
const GLOB_CHARS = /[*?[\]{}]/;

export function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

export function resolveRoots(paths: readonly string[], workspaceFolders: readonly string[]): NoteRoot[] {
  if (paths.length === 0) return workspaceFolders.map((base) => ({ base, source: base }));
  const roots: NoteRoot[] = [];
  for (const entry of paths) {
    const expanded = expandHome(entry.trim());
    if (!expanded) continue;
    const bases = path.isAbsolute(expanded) ? [''] : workspaceFolders;
    for (const folder of bases) {
      const full = path.resolve(folder, expanded);
      if (!GLOB_CHARS.test(expanded)) {
        roots.push({ base: full, source: entry, file: MARKDOWN.test(full) && !isDirectory(full) });
        continue;
      }
      const segments = full.split(path.sep);
      const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
      roots.push({ base: segments.slice(0, firstGlob).join(path.sep) || path.sep, pattern: segments.slice(firstGlob).join('/'), source: entry });
    }
  }
  return roots;
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export class NoteMatcher {
  private readonly excluded: (p: string) => boolean;
  private readonly patterns = new Map<NoteRoot, (p: string) => boolean>();

  constructor(readonly roots: readonly NoteRoot[], exclude: readonly string[]) {
    const isExcluded = exclude.length ? picomatch([...exclude], { dot: true }) : () => false;
    this.excluded = path.sep === '/' ? isExcluded : (p) => isExcluded(p.split(path.sep).join('/'));
    for (const root of roots) if (root.pattern) this.patterns.set(root, picomatch(root.pattern, { dot: true }));
  }

  isExcluded(fullPath: string, root: NoteRoot): boolean {
    return this.isExcludedRel(fullPath, path.relative(root.base, fullPath));
  }

  /** `isExcluded` with the path relative to the root already known (the walk builds it as it descends). */
  private isExcludedRel(fullPath: string, rel: string): boolean {
    return this.excluded(rel) || this.excluded(fullPath) || this.excluded(rel + '/x');
  }

  /** `matchesRoot` for a file found by the walk under `root` at `rel` (no `path.relative` per file). */
  matchesWalked(fullPath: string, rel: string, root: NoteRoot): boolean {
    if (root.file) return this.matchesRoot(fullPath, root);
    if (!rel || rel.startsWith('..')) return false;
    if (this.isExcludedRel(fullPath, rel)) return false;
    const pattern = this.patterns.get(root);
    return pattern ? pattern(path.sep === '/' ? rel : rel.split(path.sep).join('/')) : MARKDOWN.test(fullPath);
  }

  /** Whether a path (which may not exist yet) is a note. */
  matches(fullPath: string): boolean {
    return this.roots.some((root) => this.matchesRoot(fullPath, root));
  }

  matchesRoot(fullPath: string, root: NoteRoot): boolean {
    if (root.file) return path.resolve(fullPath) === root.base;
    const rel = path.relative(root.base, fullPath);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    if (this.isExcluded(fullPath, root)) return false;
    const pattern = this.patterns.get(root);
    return pattern ? pattern(rel.split(path.sep).join('/')) : MARKDOWN.test(fullPath);
  }
}

/**
 * Walks every root and returns the note files (sorted, unique). With `under`, walks only that directory
 * (a folder that was just created) inside the roots that contain it.
 */
export async function discoverNotes(matcher: NoteMatcher, maxDepth = 64, under?: string, options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
  const files = new Set<string>();
  const reals = options.followOutside ? undefined : realRoots(matcher.roots);
  const outside = (real: string) => !!reals && !reals.some((root) => isInside(real, root));
  const missing: string[] = [];
  const problems: string[] = [];
  const visited = new Set<string>();
  let lastYield = performance.now();
  let fresh: string[] = [];
  const found = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!options.onFound) return;
    fresh.push(file);
    if (fresh.length >= FOUND_CHUNK) flush();
  };
  const flush = () => {
    if (!fresh.length) return;
    const chunk = fresh;
    fresh = [];
    options.onFound!(chunk);
  };

  // Issue 16 (the stream during the crawl): the cold walk runs on the request thread while hovers come in. It yields
  // after WALK_STEP_MS, checked per entry (a folder of 100 notes took a step of 8–15 ms), and while a message is
  // being answered (requestGate.ts): a request had waited for two steps, one before its dispatch, one before its
  // answer was written. No promise when neither holds: the callers await only a real pause.
  const pause = (): Promise<void> | undefined => {
    if (performance.now() - lastYield <= WALK_STEP_MS && !requestPending()) return undefined;
    flush();
    return afterRequests().then(() => {
      lastYield = performance.now();
    });
  };

  // `rel`: `dir` relative to the root's base, as `path.relative` would give it (the walk only descends).
  const walk = async (dir: string, rel: string, root: NoteRoot, depth: number): Promise<void> => {
    let real: string;
    try {
      real = fs.realpathSync.native(dir);
    } catch (error) {
      problems.push(`${dir}: ${(error as Error).message}`);
      return;
    }
    if (visited.has(real) || depth > maxDepth) return;
    visited.add(real);
    if (outside(real)) {
      problems.push(`${dir}: skipped: a symbolic link out of the note folders (awsNotes.notes.followSymlinksOutside)`);
      return;
    }
    // Synchronous calls (a thread-pool round trip per directory cost more than the call), yielding in short steps.
    const paused = pause();
    if (paused) await paused;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(`${dir}: ${(error as Error).message}`);
      return;
    }
    // In name order (the file system's is arbitrary): `onFound` hears of the notes in the same order every time.
    if (options.onFound) entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const paused = pause();
      if (paused) await paused;
      const full = path.join(dir, entry.name);
      const entryRel = rel ? rel + path.sep + entry.name : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(full);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
          // A linked directory is checked when the walk enters it; a linked file here.
          if (isFile && outside(fs.realpathSync.native(full))) {
            if (matcher.matchesWalked(full, entryRel, root)) problems.push(`${full}: skipped: a symbolic link out of the note folders (awsNotes.notes.followSymlinksOutside)`);
            continue;
          }
        } catch {
          problems.push(`${full}: dangling symbolic link`);
          continue;
        }
      }
      if (isDir) {
        if (!matcher.isExcluded(full, root)) await walk(full, entryRel, root, depth + 1);
      } else if (isFile && matcher.matchesWalked(full, entryRel, root)) found(full);
    }
  };

  for (const root of matcher.roots) {
    if (root.file) {
      // Named by the user: followed wherever it points; only a regular file is a note (not a FIFO or a device).
      const stat = fs.statSync(root.base, { throwIfNoEntry: false });
      if (stat?.isFile()) found(root.base);
      else if (stat) problems.push(`${root.base}: skipped: not a regular file`);
      else missing.push(root.source);
      continue;
    }
    if (under !== undefined) {
      const rel = path.relative(root.base, under);
      if (rel.startsWith('..') || path.isAbsolute(rel) || matcher.isExcluded(under, root)) continue;
      visited.clear();
      await walk(under, rel, root, 0);
      continue;
    }
    if (!isDirectory(root.base)) {
      missing.push(root.source);
      continue;
    }
    visited.clear();
    await walk(root.base, '', root, 0);
  }
  flush();
  return { files: [...files].sort(), missing, problems };
}
