// data/bilingual.json: English words of AWS names -> the Japanese forms notes use (batch -> バッチ), for
// core/text/bilingual.ts. Derived from Sudachi's synonym dictionary (the katakana/kanji forms that Sudachi lists in
// the same vocabulary as an English spelling) plus the reviewed list in curated/bilingual.mjs, restricted to the
// words that occur in our AWS data (CloudFormation types and properties, IAM actions, Terraform arguments).
//   node scripts/gen-data/bilingual.mjs            regenerate from data/*.json (run by `npm run gen:data` too)
//   node scripts/gen-data/bilingual.mjs --report   also print coverage and the wanakana comparison
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CURATED } from './curated/bilingual.mjs';
import { loadIpadicCosts } from './lib/ipadic.mjs';
import { SOURCES, debSource, npmSource } from './lib/sources.mjs';
import { readJson, writeJson } from './lib/util.mjs';

/** "EventSourceMapping" / "event_source_mapping" -> ["event", "source", "mapping"] (same split as the core). */
export function words(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Every AWS name whose words the table should know, each as its word list. */
export function awsNames(dataDir) {
  const names = [];
  const cfn = readJson(path.join(dataDir, 'cfn-types.json')).types;
  const cfnProps = [];
  for (const [type, t] of Object.entries(cfn)) {
    names.push(...type.split('::').slice(1));
    for (const p of Object.keys(t.properties ?? {})) cfnProps.push(p);
  }
  names.push(...cfnProps);
  for (const actions of Object.values(readJson(path.join(dataDir, 'iam-actions.json')).actions)) names.push(...Object.keys(actions));
  const tf = readJson(path.join(dataDir, 'tf-types.mpl.json'));
  for (const table of [tf.resources, tf.dataSources]) for (const t of Object.values(table)) names.push(...Object.keys(t.args ?? {}));
  return { names: names.map(words), cfnProps: [...new Set(cfnProps)].map(words) };
}

const KANA_OR_KANJI = /[\u3040-\u30FF\u4E00-\u9FFF]/;
const LATIN = /^[A-Za-z][A-Za-z0-9 .'-]*$/;

/**
 * Sudachi synonym groups -> English spelling (lower case) -> Japanese forms of the same vocabulary (same group and
 * vocabulary number), representative first. Other vocabularies of a group are synonyms, not translations, and are
 * left out: they bring 国家 for "state" and 掟 for "rule". Misspellings, abbreviations and retired entries are
 * left out too.
 */
export function sudachiForms(groups) {
  const out = new Map();
  for (const group of groups) {
    const byVocab = new Map();
    for (const item of group.items) {
      if (item.expandControl === 2 || item.gokeiSyubetsu === '間違い' || item.hyoukiYure === '間違い表記') continue;
      const list = byVocab.get(item.vocabularyNumber) ?? [];
      list.push(item);
      byVocab.set(item.vocabularyNumber, list);
    }
    for (const items of byVocab.values()) {
      const english = items.filter((i) => LATIN.test(i.midashi) && i.ryakusyou === '代表語形').map((i) => i.midashi.toLowerCase());
      if (english.length === 0) continue;
      const japanese = items
        .filter((i) => KANA_OR_KANJI.test(i.midashi) && i.ryakusyou === '代表語形' && !/[A-Za-z]/.test(i.midashi))
        .sort((a, b) => (a.hyoukiYure === '代表表記' ? 0 : 1) - (b.hyoukiYure === '代表表記' ? 0 : 1))
        .map((i) => i.midashi);
      for (const en of english) {
        const list = out.get(en) ?? [];
        for (const ja of japanese) if (!list.includes(ja)) list.push(ja);
        out.set(en, list);
      }
    }
  }
  return out;
}

/**
 * Spelling variants that IPADIC knows come first, and variants it does not know are dropped when it knows another
 * (Sudachi lists イヴェント and エベント beside イベント; データー first, データ second). Sudachi's representative
 * form is kept even when unknown; where IPADIC knows none of the forms, Sudachi's list stays as it is.
 */
export function preferKnownVariants(forms, known) {
  const isKnown = forms.map((f) => known(f) !== undefined);
  if (!isKnown.some(Boolean)) return { forms, dropped: 0 };
  const kept = forms.filter((_, i) => isKnown[i]);
  if (!isKnown[0]) kept.push(forms[0]);
  return { forms: kept, dropped: forms.length - kept.length };
}

/**
 * Single words that are service names (Lambda, Glacier): notes write them in English, never ラムダ. Only the
 * unambiguous short names: IAM prefixes and ambiguous names (batch, backup, config) are ordinary words too.
 */
export function serviceWords(dataDir) {
  const out = new Set();
  for (const s of readJson(path.join(dataDir, 'services.json')).services) {
    for (const n of s.shortNames ?? []) if (/^[A-Za-z0-9]+$/.test(n)) out.add(n.toLowerCase());
  }
  return out;
}

export function buildBilingual({ dataDir, sudachi, known = () => undefined }) {
  const { names, cfnProps } = awsNames(dataDir);
  const services = serviceWords(dataDir);
  const vocabulary = new Set(names.flat());
  // Word sequences that occur in names, so multi-word entries ("source code") are kept only where they can match.
  const sequences = new Set();
  for (const ws of names) {
    for (let i = 0; i < ws.length; i++) for (let n = 2; n <= 4 && i + n <= ws.length; n++) {
      sequences.add(ws.slice(i, i + n).join(' '));
      sequences.add(ws.slice(i, i + n).join(''));
    }
  }
  const relevant = (en) => (en.includes(' ') ? sequences.has(en) : vocabulary.has(en) || sequences.has(en));

  const terms = new Map();
  const origin = new Map();
  const stats = { serviceNames: 0, variantsDropped: 0, reordered: 0 };
  for (const [en, ja] of sudachi) {
    if (!relevant(en) || ja.length === 0 || ja.every((f) => f.length < 2)) continue;
    if (services.has(en)) {
      stats.serviceNames++;
      continue;
    }
    const { forms, dropped } = preferKnownVariants(ja.filter((f) => f.length >= 2), known);
    stats.variantsDropped += dropped;
    if (forms[0] !== ja[0]) stats.reordered++;
    terms.set(en, forms);
    origin.set(en, 'sudachi');
  }
  const verbs = [];
  const suffixes = [];
  for (const entry of CURATED) {
    if (!entry.why) throw new Error(`curated/bilingual.mjs: ${entry.en} has no reason`);
    origin.set(entry.en, terms.has(entry.en) ? 'curated (replaces sudachi)' : 'curated');
    terms.set(entry.en, entry.ja);
    if (entry.verb) verbs.push(entry.en);
    if (entry.suffix) suffixes.push(entry.en);
  }

  const counts = {};
  for (const o of origin.values()) counts[o] = (counts[o] ?? 0) + 1;
  // Coverage: distinct words of CloudFormation property names with at least one Japanese form.
  const propWords = new Set(cfnProps.flat());
  const singular = (w) => (w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  const covered = [...propWords].filter((w) => terms.has(w) || (w.length >= 4 && terms.has(singular(w))));
  return {
    terms: Object.fromEntries([...terms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    verbs: verbs.sort(),
    suffixes: suffixes.sort(),
    counts,
    stats,
    coverage: { propertyWords: propWords.size, covered: covered.length },
  };
}

export function writeBilingual(dataDir) {
  const dir = npmSource('sudachiSynonyms');
  const groups = readJson(path.join(dir, 'sudachi-synonyms-dictionary.json'));
  const known = loadIpadicCosts(npmSource('kuromoji', ['dict']), npmSource('doublearray'));
  const built = buildBilingual({ dataDir, sudachi: sudachiForms(groups), known });
  const src = SOURCES.sudachiSynonyms;
  const file = path.join(dataDir, 'bilingual.json');
  const size = writeJson(
    file,
    {
      license: 'Apache-2.0',
      source: `English -> Japanese forms derived from Sudachi's synonym dictionary (SudachiDict synonyms.txt, Copyright (c) Works Applications Co., Ltd., Apache-2.0) via the npm package ${src.pkg}@${src.version} (Apache-2.0), restricted to words of AWS names, plus the reviewed entries of scripts/gen-data/curated/bilingual.mjs (MIT, this project).`,
      counts: built.counts,
      verbs: built.verbs,
      suffixes: built.suffixes,
      terms: built.terms,
    },
    ['terms'],
  );
  console.log(
    `bilingual.json: ${Object.keys(built.terms).length} terms (${Object.entries(built.counts).map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
      `${built.coverage.covered}/${built.coverage.propertyWords} CloudFormation property words covered, ${size} bytes; ` +
      `left out: ${built.stats.serviceNames} service names, ${built.stats.variantsDropped} spellings unknown to IPADIC (${built.stats.reordered} entries reordered)`,
  );
  return built;
}

/**
 * `--report`: what each part contributes. Coverage of CloudFormation property words by source, and how often
 * wanakana's romaji -> katakana transliteration of an English word gives the form Sudachi lists (it reads English
 * spelling as romaji, so "batch" becomes バtch: measured, not used).
 */
export function report(dataDir, built) {
  const { cfnProps } = awsNames(dataDir);
  const propWords = [...new Set(cfnProps.flat())];
  const curated = new Set(CURATED.map((c) => c.en));
  const singular = (w) => (w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  const has = (w, keep) => [w, w.length >= 4 ? singular(w) : w].some((k) => built.terms[k] && keep(k));
  const count = (keep) => propWords.filter((w) => has(w, keep)).length;
  console.log(`coverage of ${propWords.length} distinct CloudFormation property words: all ${count(() => true)}, ` +
    `Sudachi alone ${count((k) => !curated.has(k))}, curated alone ${count((k) => curated.has(k))}`);
  const require = createRequire(import.meta.url);
  const wanakana = require(path.join(npmSource('wanakana'), 'cjs/index.js'));
  let pairs = 0;
  let exact = 0;
  let pureKana = 0;
  for (const [en, forms] of Object.entries(built.terms)) {
    if (curated.has(en) || en.includes(' ') || !/^[\u30A0-\u30FF]+$/.test(forms[0])) continue;
    pairs++;
    const k = wanakana.toKatakana(en);
    if (wanakana.isKatakana(k)) pureKana++;
    if (forms.includes(k)) exact++;
  }
  console.log(`wanakana.toKatakana on ${pairs} English words whose Sudachi form is katakana: ${exact} give that form, ` +
    `${pureKana} give any all-katakana string`);
  // EDICT (JMdict's older format): katakana headwords whose first English gloss is the word. Measured only.
  const edictText = new TextDecoder('euc-jp').decode(fs.readFileSync(path.join(debSource('edict'), 'usr/share/edict/edict')));
  const edict = new Map();
  for (const line of edictText.split('\n')) {
    const m = line.match(/^(\S+)(?: \[[^\]]+\])? \/(.*)\/$/);
    const head = m?.[1].split(';')[0].replace(/\(.*?\)/g, '');
    if (!m || !/^[\u30A1-\u30FAー]{3,}$/.test(head)) continue;
    const firstSense = m[2].split('/')[0];
    if (/\((sports|baseb|music|food|med|biol|chem|sl|col|abbr)\)/.test(firstSense)) continue;
    const gloss = firstSense.replace(/\([^)]*\)\s*/g, '').replace(/^to /, '').trim().toLowerCase();
    if (/^[a-z]+$/.test(gloss) && !edict.has(gloss)) edict.set(gloss, head);
  }
  const uncovered = propWords.filter((w) => !has(w, () => true));
  const added = uncovered.filter((w) => w.length >= 4 && (edict.has(w) || edict.has(singular(w))));
  console.log(`EDICT ${SOURCES.edict.version} (first gloss of a katakana headword) would cover ${added.length} of the ${uncovered.length} uncovered words, e.g. ` +
    added.slice(0, 12).map((w) => `${w}=${edict.get(w) ?? edict.get(singular(w))}`).join(' '));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
  const built = writeBilingual(dataDir);
  if (process.argv.includes('--report')) report(dataDir, built);
}
