// The packaged README (the Details page in VS Code) has no broken image and no link that cannot work there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

type Transform = (markdown: string, root: string, options?: { imagesBaseUrl?: string }) => string;

describe('README for the .vsix (Details page)', () => {
  let readmeForPackage: Transform;
  before(async () => {
    ({ readmeForPackage } = await import('../../../scripts/readmeForPackage.mjs'));
  });
  const source = () => fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const linksOf = (md: string) => [...md.matchAll(/(?<!!)\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]);
  const imagesOf = (md: string) => [...md.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]);

  it('the real README: no image VS Code would show broken, no relative link, no developer part, user sections kept', () => {
    assert.match(source(), /!\[[^\]]*\]\(docs\/images\/[^)]+\.png\)/, 'the repository README shows a screenshot');
    const out = readmeForPackage(source(), ROOT);
    assert.deepEqual(imagesOf(out), []);
    assert.match(out, /\*Screenshot: Hover in a CloudFormation template[^*]*\*/);
    assert.deepEqual(linksOf(out).filter((l) => !/^(https:|mailto:|#)/.test(l)), []);
    assert.doesNotMatch(out, /npm install|CONTRIBUTING|dev:start/);
    for (const heading of ['## Get started', '## Japanese', '## Settings', '## Commands']) assert.ok(out.includes(heading), heading);
  });

  it('with an https base address, every screenshot is an https image of a file that exists', () => {
    const out = readmeForPackage(source(), ROOT, { imagesBaseUrl: 'https://example.com/aws-notes/raw/main/' });
    const images = imagesOf(out);
    assert.ok(images.length >= 1);
    for (const src of images) {
      assert.match(src, /^https:\/\/example\.com\/aws-notes\/raw\/main\/docs\/images\/[\w.-]+\.png$/);
      assert.ok(fs.existsSync(path.join(ROOT, src.slice('https://example.com/aws-notes/raw/main/'.length))), src);
    }
    assert.throws(() => readmeForPackage(source(), ROOT, { imagesBaseUrl: 'http://example.com' }), /must be https/);
  });

  it('refuses a missing image or one outside the repository; keeps https images and anchors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-readme-'));
    try {
      assert.throws(() => readmeForPackage('![x](missing.png)', dir), /not found/);
      assert.throws(() => readmeForPackage('![x](../outside.png)', dir), /not found/);
      const kept = '![y](https://example.com/y.png) [Japanese](#japanese) [site](https://example.com)';
      assert.equal(readmeForPackage(kept, dir), kept);
      assert.equal(readmeForPackage('see [the notes](docs/NOTES.md).', dir), 'see the notes.');
      assert.equal(readmeForPackage('a\n<!-- dev:start x -->\n## Dev\nnpm i\n<!-- dev:end -->\nb', dir), 'a\nb');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
