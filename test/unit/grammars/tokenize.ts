// Tokenises lines with vscode-textmate + vscode-oniguruma: our injection grammars on top of small host
// grammars written here (YAML, JSON, Markdown), or on top of VS Code's own grammars when a local VS Code
// (code-server from scripts/setup-editors.sh) is there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../../..');
export const CFN_INJECTION = 'aws-notes.cloudformation.injection';
export const MD_INJECTION = 'aws-notes.markdown.injection';

/** The grammars the manifest contributes, by scope name, with where they inject. */
export function contributedGrammars(): { scopeName: string; path: string; injectTo: string[]; language?: string }[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  // A grammar for a language (terraform) has no injectTo.
  return pkg.contributes.grammars.map((g: { injectTo?: string[] }) => ({ ...g, injectTo: g.injectTo ?? [] }));
}

const HOSTS: Record<string, object> = {
  'source.yaml': {
    scopeName: 'source.yaml',
    patterns: [
      { match: '#.*$', name: 'comment.line.number-sign.yaml' },
      { match: '!\\S+', name: 'storage.type.tag-handle.yaml' },
      { match: '[^\\s:#][^:#]*(?=:(\\s|$))', name: 'entity.name.tag.yaml' },
      { begin: '"', end: '"', name: 'string.quoted.double.yaml' },
      { begin: '(?<=: )(?=[^!\\s"#\\[{])', end: '$', name: 'string.unquoted.plain.out.yaml' },
    ],
  },
  'source.json': {
    scopeName: 'source.json',
    patterns: [
      { begin: '"', end: '"', name: 'string.quoted.double.json' },
      { match: '//.*$', name: 'comment.line.double-slash.js' },
    ],
  },
  'text.html.markdown': {
    scopeName: 'text.html.markdown',
    patterns: [
      { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
      { begin: '^(#{1,6})\\s', end: '$', name: 'markup.heading.markdown' },
      { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
    ],
  },
};

/** Where scripts/setup-editors.sh installs the editors (the same EDITORS_DIR as the editor suites). */
export const EDITORS_DIR = process.env.EDITORS_DIR || path.join(ROOT, '.cache/editors');

/** VS Code's own grammars (every file of the YAML, JSON and Markdown extensions), when a local code-server is installed. */
export function realHostGrammars(): Record<string, string> | undefined {
  const ext = path.join(EDITORS_DIR, 'cs/node_modules/code-server/lib/vscode/extensions');
  const files: Record<string, string> = {};
  for (const dir of ['yaml', 'json', 'markdown-basics']) {
    const syntaxes = path.join(ext, dir, 'syntaxes');
    if (!fs.existsSync(syntaxes)) return undefined;
    for (const f of fs.readdirSync(syntaxes).filter((n) => n.endsWith('.json'))) {
      const scopeName = JSON.parse(fs.readFileSync(path.join(syntaxes, f), 'utf8')).scopeName;
      if (scopeName) files[scopeName] = path.join(syntaxes, f);
    }
  }
  return ['source.yaml', 'source.json', 'text.html.markdown'].every((s) => files[s]) ? files : undefined;
}

let onig: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  return (onig ??= (async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return { createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) };
  })());
}

export interface Token {
  text: string;
  scopes: string[];
}

export async function createTokenizer(real = false) {
  const realFiles = real ? realHostGrammars() : undefined;
  const ours = new Map(contributedGrammars().map((g) => [g.scopeName, g]));
  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const mine = ours.get(scopeName);
      if (mine) return vsctm.parseRawGrammar(fs.readFileSync(path.join(ROOT, mine.path), 'utf8'), path.join(ROOT, mine.path));
      if (realFiles?.[scopeName]) return vsctm.parseRawGrammar(fs.readFileSync(realFiles[scopeName], 'utf8'), realFiles[scopeName]);
      if (!realFiles && HOSTS[scopeName]) return vsctm.parseRawGrammar(JSON.stringify(HOSTS[scopeName]), `${scopeName}.json`);
      return null;
    },
    getInjections: (scopeName) => [...ours.values()].filter((g) => g.injectTo.includes(scopeName)).map((g) => g.scopeName),
  });
  const grammars = new Map<string, vsctm.IGrammar>();
  return async function tokenize(scopeName: string, text: string): Promise<Token[][]> {
    let grammar = grammars.get(scopeName);
    if (!grammar) {
      const loaded = await registry.loadGrammar(scopeName);
      if (!loaded) throw new Error(`no grammar ${scopeName}`);
      grammars.set(scopeName, (grammar = loaded));
    }
    let state = vsctm.INITIAL;
    const lines: Token[][] = [];
    for (const line of text.split('\n')) {
      const r = grammar.tokenizeLine(line, state);
      lines.push(r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
      state = r.ruleStack;
    }
    return lines;
  };
}

/** Texts of the tokens whose innermost scopes include one starting with `scopePrefix`, joined per match run. */
export function marked(lines: Token[][], scopePrefix: string): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let run = '';
    for (const t of line) {
      if (t.scopes.some((s) => s.startsWith(scopePrefix))) run += t.text;
      else if (run) {
        out.push(run);
        run = '';
      }
    }
    if (run) out.push(run);
  }
  return out;
}

export function scopesOf(lines: Token[][], text: string): string[] {
  for (const line of lines) for (const t of line) if (t.text === text) return t.scopes;
  throw new Error(`no token "${text}" in ${JSON.stringify(lines.map((l) => l.map((t) => t.text)))}`);
}
