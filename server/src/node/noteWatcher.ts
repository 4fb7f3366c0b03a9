// How note files changed on disk reach the indexer: the editor's file watcher when it can watch (registered per
// note root), else our own recursive fs.watch of the note folders (e.g. older Neovim). Events come in bursts
// (editors save via rename; git checkouts touch thousands), so they are coalesced per path.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, WatchKind, type Connection, type Disposable } from 'vscode-languageserver/node';
import type { Logger } from './logger';
import type { WorkspaceIndexer } from './workspaceIndexer';

const MARKDOWN_GLOB = '**/*.{md,markdown,mdown,mkd,mdx}';
const COALESCE_MS = 30;

export interface WatchCapabilities {
  /** The client registers file watchers for us (workspace.didChangeWatchedFiles.dynamicRegistration). */
  canWatchFiles: boolean;
  /** It takes { baseUri, pattern } globs. */
  relativePatterns: boolean;
}

export class NoteWatcher {
  private registration: Disposable | undefined;
  private readonly fsWatchers: fs.FSWatcher[] = [];
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly indexer: () => WorkspaceIndexer,
    private readonly logger: Logger,
    /** After a change reached the index. */
    private readonly onIndexed: () => void,
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
    for (const dir of indexer.watchDirectories()) {
      try {
        const watcher = fs.watch(dir, { recursive: true }, (_event, name) => {
          if (name) this.fileEvent(path.join(dir, name.toString()));
        });
        watcher.on('error', (error) => this.logger.warn(`watching ${dir}: ${error.message}`));
        this.fsWatchers.push(watcher);
      } catch (error) {
        this.logger.warn(`cannot watch ${dir}: ${(error as Error).message}`);
      }
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
        void (!gone && isDirectory(file) ? indexer.directoryCreated(file) : indexer.fileChanged(file, gone)).then(this.onIndexed);
      }, COALESCE_MS),
    );
  }

  close(): void {
    this.registration?.dispose();
    this.registration = undefined;
    for (const w of this.fsWatchers.splice(0)) w.close();
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
