// File paths <-> file: URIs, the way every part of the server spells them (the notes index keys notes by URI).
import { fileURLToPath, pathToFileURL } from 'node:url';

/** An absolute POSIX path of plain segments, for which `pathToFileURL(file).href` is just `file://` + the path. */
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._-]+)+$/;
const posix = process.platform !== 'win32';

export const toUri = (file: string) => (posix && PLAIN_PATH.test(file) ? `file://${file}` : pathToFileURL(file).href);

export function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
