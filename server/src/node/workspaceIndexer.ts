// Keeps the notes index in step with the file system: the initial crawl (yielding between files so that
// requests are never queued behind indexing), single-file updates, and open editors' unsaved text.
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { localize, type Locale } from '../core/l10n';
import { M } from '../core/messages';
import type { NotesIndex } from '../core/notes/notesIndex';
import type { Logger } from './logger';
import { onceLogger } from './logger';
import { discoverNotes, NoteMatcher, resolveRoots } from './noteDiscovery';
import { readNote, readNoteSync, type ReadResult } from './noteReader';
import type { ServerSettings } from './settings';

export interface IndexProgress {
  done: number;
  total: number;
}

export interface CrawlResult {
  files: number;
  sections: number;
  ms: number;
  missing: string[];
}

export const toUri = (file: string) => pathToFileURL(file).href;

export function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceIndexer {
  private matcher: NoteMatcher;
  private readonly log: ReturnType<typeof onceLogger>;
  /** URIs whose text comes from an open editor: the disk must not overwrite it. */
  private readonly openInEditor = new Set<string>();
  private generation = 0;

  constructor(
    private readonly index: NotesIndex,
    private settings: ServerSettings,
    private workspaceFolders: string[],
    logger: Logger,
    private readonly locale: () => Locale,
  ) {
    this.log = onceLogger(logger);
    this.matcher = this.createMatcher();
  }

  private createMatcher(): NoteMatcher {
    return new NoteMatcher(resolveRoots(this.settings.notes.paths, this.workspaceFolders), this.settings.notes.exclude);
  }

  get roots() {
    return this.matcher.roots;
  }

  configure(settings: ServerSettings, workspaceFolders: string[] = this.workspaceFolders): void {
    this.settings = settings;
    this.workspaceFolders = workspaceFolders;
    this.matcher = this.createMatcher();
  }

  isNoteUri(uri: string): boolean {
    const file = toPath(uri);
    return !!file && this.matcher.matches(file);
  }

  /** Full crawl: indexes every note, drops notes that are no longer included. */
  async crawl(onProgress?: (p: IndexProgress) => void): Promise<CrawlResult> {
    const generation = ++this.generation;
    const started = performance.now();
    const found = await discoverNotes(this.matcher);
    for (const problem of found.problems) this.log.warnOnce(problem, problem);
    const wanted = new Set(found.files.map(toUri));
    for (const uri of this.index.uris()) if (!wanted.has(uri) && !this.openInEditor.has(uri)) this.index.remove(uri);
    let lastYield = performance.now();
    // Synchronous reads: small files, no thread-pool round trip per file; the loop yields every 8 ms.
    const maxFileSize = this.settings.limits.maxFileSize;
    for (let i = 0; i < found.files.length; i++) {
      if (generation !== this.generation) break;
      this.applyRead(found.files[i], readNoteSync(found.files[i], maxFileSize));
      if (performance.now() - lastYield > 8) {
        onProgress?.({ done: i + 1, total: found.files.length });
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    onProgress?.({ done: found.files.length, total: found.files.length });
    const stats = this.index.stats();
    return { files: stats.files, sections: stats.sections, ms: Math.round(performance.now() - started), missing: found.missing };
  }

  /** Reads one file from disk and (re)indexes it; removes it when it is gone or unreadable. */
  async indexFile(file: string): Promise<boolean> {
    if (this.openInEditor.has(toUri(file))) return true;
    return this.applyRead(file, await readNote(file, this.settings.limits.maxFileSize));
  }

  private applyRead(file: string, result: ReadResult): boolean {
    const uri = toUri(file);
    if (this.openInEditor.has(uri)) return true;
    if (!result.ok) {
      this.index.remove(uri);
      const locale = this.locale();
      const message =
        result.reason === 'large'
          ? localize(locale, M.skippedLarge, { path: file, size: result.detail, limit: this.settings.limits.maxFileSize })
          : result.reason === 'binary'
            ? localize(locale, M.skippedBinary, { path: file })
            : localize(locale, M.readFailed, { path: file, error: result.detail });
      if (!/ENOENT/.test(result.detail)) this.log.warnOnce(`${file}:${result.reason}`, message);
      return false;
    }
    try {
      const note = this.index.setText(uri, result.text);
      const max = this.settings.limits.maxSectionsPerFile;
      if (note.sections.length > max) this.log.warnOnce(`${file}:sections`, `${file}: ${note.sections.length} sections (limit ${max})`);
    } catch (error) {
      this.log.warnOnce(`${file}:parse`, localize(this.locale(), M.readFailed, { path: file, error: (error as Error).message }));
      return false;
    }
    return true;
  }

  /** A file-system event for one path: re-index that file alone. */
  async fileChanged(file: string, deleted: boolean): Promise<void> {
    const uri = toUri(file);
    if (deleted) {
      if (!this.openInEditor.has(uri)) this.index.remove(uri);
      return;
    }
    if (this.matcher.matches(file)) await this.indexFile(file);
    else this.index.remove(uri);
  }

  /** A folder appeared (e.g. moved or unzipped in): index the notes inside it. */
  async directoryCreated(dir: string): Promise<number> {
    const found = await discoverNotes(this.matcher, 64, dir);
    for (const file of found.files) await this.indexFile(file);
    return found.files.length;
  }

  /** Unsaved text in an editor wins over the disk. */
  editorChanged(uri: string, text: string): void {
    if (!this.isNoteUri(uri)) return;
    this.openInEditor.add(uri);
    this.index.setText(uri, text);
  }

  /** Editor closed: fall back to what is on disk. */
  async editorClosed(uri: string): Promise<void> {
    if (!this.openInEditor.delete(uri)) return;
    const file = toPath(uri);
    if (file) await this.fileChanged(file, false);
  }

  /** Directories to watch when the client cannot watch files for us. */
  watchDirectories(): string[] {
    return [...new Set(this.matcher.roots.map((r) => (r.file ? path.dirname(r.base) : r.base)))];
  }
}
