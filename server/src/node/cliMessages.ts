// The CLI's own messages in English and Japanese (the language comes from --lang, else LC_ALL / LC_MESSAGES / LANG).
import { toLocale, type Locale, type Text } from '../core/l10n';

export const CLI = {
  usage: {
    en: `usage:
  aws-notes lookup <term> [--notes PATH]... [--json] [--lang en|ja]
  aws-notes index [--notes PATH]... [--json]
  aws-notes convert <template.(yaml|json)> [--resource LogicalId]

--notes defaults to the current directory (every Markdown file under it).`,
    ja: `使い方:
  aws-notes lookup <語> [--notes パス]... [--json] [--lang en|ja]
  aws-notes index [--notes パス]... [--json]
  aws-notes convert <テンプレート.(yaml|json)> [--resource 論理ID]

--notes を省略するとカレントディレクトリ（その下のすべての Markdown ファイル）を使います。`,
  },
  needsValue: { en: '{option} needs a value', ja: '{option} には値が必要です' },
  unknownOption: { en: 'unknown option {option}', ja: '不明なオプションです: {option}' },
  notesPathNotFound: { en: 'notes path not found: {path}', ja: 'ノートのパスが見つかりません: {path}' },
  lookupNeedsTerm: { en: 'lookup needs a term', ja: 'lookup には調べる語を指定してください' },
  nothingFound: { en: 'no AWS service or identifier found in "{term}"', ja: '「{term}」に AWS のサービスや識別子が見つかりません' },
  indexSummary: {
    en: 'files: {files}\nsections: {sections}\nservices: {services}\ntime: {ms} ms',
    ja: 'ファイル: {files}\nセクション: {sections}\nサービス: {services}\n時間: {ms} ms',
  },
  convertNeedsFile: { en: 'convert needs a template file', ja: 'convert にはテンプレートファイルを指定してください' },
  cannotReadTemplate: { en: 'cannot read template {file}: {reason}', ja: 'テンプレート {file} を読み込めません: {reason}' },
  noSuchFile: { en: 'no such file', ja: 'ファイルがありません' },
  isDirectory: { en: 'is a directory', ja: 'ディレクトリです' },
  noSuchResource: { en: 'no resource {resource} in {file}', ja: '{file} にリソース {resource} はありません' },
  resourcesAre: { en: ' (resources: {ids})', ja: '（リソース: {ids}）' },
} satisfies Record<string, Text>;

/** `--lang` wins; otherwise the usual locale environment variables. */
export function cliLocale(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const fromFlag = at < 0 ? undefined : argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  // An empty variable counts as unset (POSIX).
  return toLocale(fromFlag || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
