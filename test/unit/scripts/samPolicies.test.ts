// scripts/gen-data/samPolicies.mjs: the committed data/sam-policy-templates.json is what the pinned
// aws-sam-translator's policy_templates.json gives, and any other installed version is refused.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function hasSamTranslator(): boolean {
  try {
    execFileSync('python3', ['-c', 'import samtranslator'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('gen-data: SAM policy templates from aws-sam-translator', () => {
  before(function () {
    if (!hasSamTranslator()) this.skip();
  });

  it('the committed data equals the pinned source, statement for statement', async () => {
    const gen = await import(path.join(ROOT, 'scripts/gen-data/samPolicies.mjs'));
    const built = gen.buildSamPolicyTemplates(path.join(gen.samTranslatorDir(), 'policy_templates_data', 'policy_templates.json'));
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/sam-policy-templates.json'), 'utf8'));
    assert.deepEqual(committed.templates, built.templates);
    assert.ok(Object.keys(built.templates).length >= 80);
    assert.match(committed.source, /aws-sam-translator 1\.110\.0/);
  });

  it('negative: another installed version is refused, not read', async () => {
    const gen = await import(path.join(ROOT, 'scripts/gen-data/samPolicies.mjs'));
    assert.throws(() => gen.samTranslatorDir('0.0.1'), /pinned to 0\.0\.1/);
  });
});
