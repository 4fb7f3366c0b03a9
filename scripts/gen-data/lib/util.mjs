// Small helpers shared by the generators: stable JSON output and text trimming.
import fs from 'node:fs';
import path from 'node:path';

export function sortKeys(obj) {
  return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
}

/**
 * Writes JSON with one record entry per line under the given key path, so that diffs stay readable while
 * the file stays compact. Output depends only on the input (no timestamps).
 */
export function writeJson(file, value, lineKeys = []) {
  const parts = [];
  const top = Object.entries(value).map(([k, v]) => {
    if (lineKeys.includes(k) && v && typeof v === 'object') {
      const entries = Array.isArray(v)
        ? v.map((x) => '  ' + JSON.stringify(x))
        : Object.entries(v).map(([kk, vv]) => '  ' + JSON.stringify(kk) + ':' + JSON.stringify(vv));
      const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
      return JSON.stringify(k) + ':' + open + '\n' + entries.join(',\n') + '\n' + close;
    }
    return JSON.stringify(k) + ':' + JSON.stringify(v);
  });
  parts.push('{' + top.join(',\n') + '}\n');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, parts.join(''));
  return fs.statSync(file).size;
}

/** Markdown/HTML to plain text, first sentence, at most `max` characters. */
export function firstSentence(text, max) {
  if (!text) return undefined;
  let t = String(text)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*+([^*]+)\*+/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:])/g, '$1')
    .trim();
  const m = t.match(/^(.+?[.!?])(\s|$)(?=[A-Z(]|$)/);
  if (m && !/\b(e\.g|i\.e|etc|vs|Inc)\.$/.test(m[1])) t = m[1];
  if (t.length > max) {
    const cut = t.slice(0, max - 1);
    t = cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:(]+$/, '') + '…';
  }
  return t || undefined;
}

/** CamelCase to snake_case the way the Terraform providers write argument names. */
export function snake(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

export const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
