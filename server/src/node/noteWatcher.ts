// How note files changed on disk reach the indexer: the editor's file watcher when it can watch (registered per
// note root), else our own watchers on the note folders (e.g. older Neovim). Events come in bursts (editors save via
// rename; git checkouts touch thousands), so they are coalesced per path.
// Our own watchers are one plain fs.watch (inotify) per folder, not `recursive: true`: Node 20 implements that on
// Linux in JavaScript with a stat watcher per file and a re-walk on events, which took the request thread for
// seconds when a thousand notes changed at once (test/hostile/churn.test.ts: 1,000 rewrites during the first crawl
// made it 8× slower).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, WatchKind, type Connection, type Disposable } from 'vscode-languageserver/node';
import { type Locale, localize, M } from '../core';
import type { Logger } from './logger';
import { isDirectory, isInside } from './noteDiscovery';
import type { WorkspaceIndexer } from './workspaceIndexer';

const MARKDOWN_GLOB = '**/*.{md,markdown,mdown,mkd,mdx}';
const COALESCE_MS = 30;
/** inotify watches are a per-user resource (fs.inotify.max_user_watches): a bound, said once when reached. */
const MAX_WATCHED_FOLDERS = 4000;

export interface WatchCapabilities {
  /** The client registers file watchers for us (workspace.didChangeWatchedFiles.dynamicRegistration). */
  canWatchFiles: boolean;
  /** It takes { baseUri, pattern } globs. */
  relativePatterns: boolean;
}

export class NoteWatcher {
  private registration: Disposable | undefined;
  private readonly folders = new Map<string, fs.FSWatcher>();
  private warnedFolderLimit = false;
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly indexer: () => WorkspaceIndexer,
    private readonly logger: Logger,
    /** After a change reached the index. */
    private readonly onIndexed: () => void,
    private readonly locale: () => Locale,
  ) {}

  /** (Re)watches the indexer's current note roots. */
  async watch(capabilities: WatchCapabilities): Promise<void> {
    this.close();
    const indexer = this.indexer();
    if (capabilities.canWatchFiles) {
      const glob = (base: string, pattern: string) =>
        capabilities.relativePatterns ? { baseUri: pathToFileURL(base).href, pattern } : `${base.split(path.sep).join('/')}/${pattern}`;
      const watchers = indexer.roots.flatMap((root) => {
        const base = root.file ? path.dirname(root.base) : root.base;
        const pattern = root.file ? path.basename(root.base) : (root.pattern ?? MARKDOWN_GLOB);
        const notes = { globPattern: glob(base, pattern) };
        // Editors may report only the folder when a folder full of notes appears or disappears at once: watch
        // creations and deletions of anything too (the indexer drops the notes beneath a deleted folder).
        return root.file ? [notes] : [notes, { globPattern: glob(base, '**/*'), kind: WatchKind.Create | WatchKind.Delete }];
      });
      this.registration = await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
      return;
    }
    // Folders of notes with the folders below them first; a note named on its own: its folder only (not what lies
    // below it, which may be a whole home directory).
    const roots = [...indexer.roots].sort((a, b) => Number(a.file) - Number(b.file));
    for (const root of roots) this.watchFolder(root.file ? path.dirname(root.base) : root.base, indexer, !root.file);
  }

  /** Watches `dir` and, when `below`, the folders below it (not the excluded ones, not through links that loop). */
  private watchFolder(dir: string, indexer: WorkspaceIndexer, below = true, seen = new Set<string>()): void {
    if (this.folders.has(dir) || indexer.excludesDirectory(dir)) return;
    if (this.folders.size >= MAX_WATCHED_FOLDERS) {
      if (!this.warnedFolderLimit) this.logger.warn(localize(this.locale(), M.watchFolderLimit, { max: MAX_WATCHED_FOLDERS }));
      this.warnedFolderLimit = true;
      return;
    }
    let real: string;
    try {
      real = fs.realpathSync.native(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    try {
      const watcher = fs.watch(dir, (_event, name) => {
        if (name) this.fileEvent(path.join(dir, name.toString()));
      });
      // A watched folder that goes away ends its watcher; its parent's event reports the deletion.
      watcher.on('error', () => this.unwatchFolder(dir));
      this.folders.set(dir, watcher);
    } catch (error) {
      this.logger.warn(localize(this.locale(), M.cannotWatch, { path: dir, error: (error as Error).message }));
      return;
    }
    if (!below) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(full))) this.watchFolder(full, indexer, true, seen);
    }
  }

  private unwatchFolder(dir: string): void {
    const under = dir + path.sep;
    for (const [folder, watcher] of this.folders) {
      if (folder !== dir && !folder.startsWith(under)) continue;
      watcher.close();
      this.folders.delete(folder);
    }
  }

  /** A file (or folder) created, changed or deleted; `deleted` undefined: look at the disk. */
  fileEvent(file: string, deleted?: boolean): void {
    clearTimeout(this.pending.get(file));
    this.pending.set(
      file,
      setTimeout(() => {
        this.pending.delete(file);
        const gone = deleted ?? !fs.existsSync(file);
        const indexer = this.indexer();
        const folder = !gone && isDirectory(file);
        // Our own watchers follow folders as they come and go (the editor's watcher does that itself).
        if (this.folders.size) {
          // A new folder is watched when notes folders hold it (not one beside a note named on its own).
          if (folder && indexer.roots.some((r) => !r.file && isInside(file, r.base))) this.watchFolder(file, indexer);
          else if (gone) this.unwatchFolder(file);
        }
        void (folder ? indexer.directoryCreated(file) : indexer.fileChanged(file, gone)).then(this.onIndexed);
      }, COALESCE_MS),
    );
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.registration?.dispose();
    this.registration = undefined;
    for (const watcher of this.folders.values()) watcher.close();
    this.folders.clear();
  }
}
