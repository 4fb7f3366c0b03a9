// Where the server keeps its caches unless `awsNotes.cache.dir` says otherwise (the index cache; the V8 code cache,
// which is read before any setting is known, always here). No imports of the core: the code-cache loader stays small.
import * as os from 'node:os';
import * as path from 'node:path';

export function defaultCacheDir(): string {
  if (process.env.AWS_NOTES_CACHE_DIR) return process.env.AWS_NOTES_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'aws-notes');
}
