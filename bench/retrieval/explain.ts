// npm run explain:retrieval -- <query id> [more ids]: what the product asks the notes for one judged query (the
// NoteQuery: exact and related terms, co-services) and the top sections with their scores and judged grades. A
// tuning aid: read it to see why a section ranks where it does.
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/core/languageService';
import { findDataDir, loadAwsData } from '../../server/src/node/dataLoader';
import { featureProviders } from '../../server/src/node/providers';
import { judgedOf, loadQueries, withCursor } from './queries';
import { loadSeeds, sectionKey, seedsDir } from './seeds';

const repoRoot = path.resolve(__dirname, '..', '..');
const dir = seedsDir(repoRoot);
if (!dir) throw new Error('no seed notes (set AWS_NOTES_SEEDS)');
const seeds = loadSeeds(dir);
const service = createLanguageService({ data: loadAwsData(findDataDir(path.join(repoRoot, 'server'))), locale: 'en', providers: featureProviders() });
for (const seed of seeds.notes) service.index.setText(seed.uri, seed.text);
const queries = loadQueries(path.join(__dirname, 'queries.json'));
for (const id of process.argv.slice(2)) {
  const query = queries.find((q) => q.id === id);
  if (!query) {
    process.stdout.write(`no query ${id}\n`);
    continue;
  }
  const { text, offset } = withCursor(query);
  const document = TextDocument.create(`file:///workspace/${id}`, query.languageId, 1, text);
  const noteQuery = service.noteQueryAt(document, document.positionAt(offset));
  const grades = judgedOf(query, seeds);
  process.stdout.write(`\n== ${id}\n`);
  if (!noteQuery) continue;
  const terms = (list: { text: string; weight: number }[]) => list.map((t) => `${t.text}^${t.weight}`).join('  ');
  process.stdout.write(`service ${noteQuery.serviceId ?? '-'}  co [${noteQuery.coServices.join(', ')}]${noteQuery.evidenceOnly ? '  evidence only' : ''}\n`);
  process.stdout.write(`exact   ${terms(noteQuery.exact)}\nrelated ${terms(noteQuery.related)}\n`);
  service.sectionsFor(noteQuery).slice(0, 12).forEach((hit, i) => {
    const seed = seeds.byUri.get(hit.uri);
    const note = service.index.get(hit.uri);
    const section = note?.sections[hit.section];
    const key = seed && section ? sectionKey(seed, seed.note.sections[section.index]) : undefined;
    const heading = note && section ? note.text.slice(section.headingStart, section.headingEnd).trim().slice(0, 60) : '?';
    process.stdout.write(`${String(i + 1).padStart(2)} ${hit.score.toFixed(2).padStart(6)} [${key ? (grades.grades.get(key) ?? 0) : '?'}]${hit.evidence ? ' e' : '  '} ${path.basename(hit.uri).slice(0, 3)} ${heading}\n`);
  });
  const wanted = [...grades.grades].filter(([, g]) => g === 2).map(([k]) => k);
  process.stdout.write(`grade 2: ${wanted.join(', ')}\n`);
}
