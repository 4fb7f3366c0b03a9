// The CLI's language: --lang, else LC_ALL / LC_MESSAGES / LANG. Its messages are in the one catalogue (core/present/messages.ts).
import { toLocale, type Locale } from '../core';

export { CLI } from '../core';

/** `--lang` wins; otherwise the usual locale environment variables. */
export function cliLocale(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const fromFlag = at < 0 ? undefined : argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  // An empty variable counts as unset (POSIX).
  return toLocale(fromFlag || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
