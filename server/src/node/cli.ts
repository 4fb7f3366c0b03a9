// aws-notes: lookup | index | convert. Prints what the hover shows, what the index holds, or Terraform HCL.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertTemplate, type Locale, localize, templateFormat, templateResourceIds, type Text } from '../core';
import { CLI, cliLocale } from './cliMessages';
import { composeWorkspace } from './compose';
import { loadAwsData } from './dataLoader';
import { stderrLogger } from './logger';
import { normalizeSettings } from './settings';

let locale: Locale = 'en';
const t = (text: Text, args: Record<string, string | number> = {}) => localize(locale, text, args);

interface Parsed {
  positional: string[];
  notes: string[];
  json: boolean;
  lang?: string;
  resource?: string;
}

function parseArgs(args: string[]): Parsed {
  const parsed: Parsed = { positional: [], notes: [], json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(t(CLI.needsValue, { option: arg }));
      return v;
    };
    if (arg === '--notes') parsed.notes.push(value());
    else if (arg.startsWith('--notes=')) parsed.notes.push(arg.slice(8));
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--lang') parsed.lang = value();
    else if (arg.startsWith('--lang=')) parsed.lang = arg.slice(7);
    else if (arg === '--resource') parsed.resource = value();
    else if (arg.startsWith('--resource=')) parsed.resource = arg.slice(11);
    else if (arg.startsWith('--')) throw new Error(t(CLI.unknownOption, { option: arg }));
    else parsed.positional.push(arg);
  }
  return parsed;
}

async function buildService(notePaths: string[]) {
  const settings = normalizeSettings({ notes: { paths: notePaths.map((p) => path.resolve(p)) } });
  const { service, indexer } = composeWorkspace({ data: loadAwsData(), settings, workspaceFolders: [process.cwd()], logger: stderrLogger, locale: () => locale });
  const result = await indexer.crawl();
  for (const missing of result.missing) stderrLogger.warn(t(CLI.notesPathNotFound, { path: missing }));
  return { service, result };
}

async function lookup(parsed: Parsed): Promise<number> {
  const term = parsed.positional.join(' ').trim();
  if (!term) throw new Error(t(CLI.lookupNeedsTerm));
  const { service } = await buildService(parsed.notes);
  const answer = service.lookup(term);
  if (answer) {
    process.stdout.write(parsed.json ? JSON.stringify(answer, null, 2) + '\n' : answer.markdown + '\n');
    return 0;
  }
  process.stderr.write(t(CLI.nothingFound, { term }) + '\n');
  return 1;
}

async function index(parsed: Parsed): Promise<number> {
  const { service, result } = await buildService(parsed.notes);
  const stats = service.index.stats();
  if (parsed.json) process.stdout.write(JSON.stringify({ ...stats, ms: result.ms }) + '\n');
  else process.stdout.write(t(CLI.indexSummary, { ...stats, ms: result.ms }) + '\n');
  return 0;
}

async function convert(parsed: Parsed): Promise<number> {
  const file = parsed.positional[0];
  if (!file) throw new Error(t(CLI.convertNeedsFile));
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? t(CLI.noSuchFile) : code === 'EISDIR' ? t(CLI.isDirectory) : (error as Error).message;
    process.stderr.write(`aws-notes: ${t(CLI.cannotReadTemplate, { file, reason })}\n`);
    return 1;
  }
  const format = templateFormat(text, file);
  if (parsed.resource) {
    const ids = templateResourceIds(text, format);
    if (!ids.includes(parsed.resource)) {
      process.stderr.write(`aws-notes: ${t(CLI.noSuchResource, { resource: parsed.resource, file })}${ids.length ? t(CLI.resourcesAre, { ids: ids.join(', ') }) : ''}\n`);
      return 1;
    }
  }
  const result = convertTemplate(text, format, loadAwsData(), { resource: parsed.resource });
  process.stdout.write(result.hcl.endsWith('\n') ? result.hcl : result.hcl + '\n');
  return 0;
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  locale = cliLocale(argv);
  try {
    const parsed = parseArgs(rest);
    switch (command) {
      case 'lookup':
        return await lookup(parsed);
      case 'index':
        return await index(parsed);
      case 'convert':
        return await convert(parsed);
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(t(CLI.usage) + '\n');
        return 0;
      default:
        process.stderr.write(t(CLI.usage) + '\n');
        return 2;
    }
  } catch (error) {
    process.stderr.write(`aws-notes: ${(error as Error).message}\n`);
    return 2;
  }
}

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
