// Notes are untrusted: whatever a note contains, the hover Markdown built from it has no executable link other
// than our own Open Section links, no image and no HTML, as read by markdown-it AND by marked (VS Code's parser).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLanguageService } from '../../../server/src/core/languageService';
import { escapeMarkdown, fencedCode, sanitizeNoteMarkdown } from '../../../server/src/core/markdown/sanitize';
import { miniData } from '../../helpers/miniData';
import { markdownish } from './generators';
import { renderedTargets, unsafeTargets } from './markdownOracle';
import { HANG_MS, params } from './params';

const quote = (text: string) => text.split(/\r?\n/).map((l) => (l ? `> ${l}` : '>')).join('\n');

function assertSafe(markdown: string, noteUris?: ReadonlySet<string>, source?: string): void {
  const bad = unsafeTargets(markdown, noteUris);
  assert.deepEqual(bad, [], `unsafe output ${JSON.stringify(markdown)}${source === undefined ? '' : ` from ${JSON.stringify(source)}`}`);
}

/** [note markdown, something the sanitised output must contain (shown as text)] */
const HOSTILE: [string, string, RegExp?][] = [
  ['see [here](command:workbench.action.terminal.new) now', 'here'],
  ['[js](javascript:alert(1)) and [d](data:text/html,<b>x</b>) and [v](vbscript:x)', 'js and d and v'],
  ['raw <img src="https://tracker.example/p.gif"> <script>alert(1)</script> <a href="command:x">a</a>', '&lt;img', /&lt;script&gt;/],
  ['remote ![pixel](https://tracker.example/x.png) image', '&#91;pixel&#93;'],
  ['[go][ref] and [ref] and [ref][]\n\n[ref]: command:workbench.action.quit', 'go and ref'],
  ['[ref]: <command:x> "t"\n\n[x][ref]', 'x'],
  ['autolink <command:workbench.action.quit> and <javascript:alert(1)>', 'command:workbench.action.quit'],
  ['entity [x](&#99;ommand:workbench.action.quit) and [y](&#x63;ommand:z) &#91;z&#93;(command:q)', 'entity x and y'],
  ['[text ](command:evil) more](https://ok.example)', 'text more'],
  ['[a [b](command:x) c](https://ok.example) [[nested]](command:y)', 'b'],
  ['![a](https://x.example/p.png)(command:evil)', '&#91;a&#93;'],
  ['footnote[^1]\n\n[^1]: command:evil', '&#91;^1&#93;'],
  ['[foo](https://ok.example "](command:evil)")', '[foo](https://ok.example)'],
  ['\\\\[x](command:evil) and [y\\\\](command:evil2)', 'x'],
  ['[x](command:awsNotes.openSection?%5B%7B%22uri%22%3A%22file%3A%2F%2F%2Fetc%2Fpasswd%22%2C%22line%22%3A0%7D%5D)', 'x'],
  ['<details>\n[x](command:evil)\n</details>', '&#91;x&#93;(command:evil)'],
  ['| a | [b](command:c) |\n|---|---|\n| <img src=x> | ![i](https://t.example/i.png) |', '| a | b |'],
  ['> quoted [x](command:evil)\n> > <b>deeper</b> [y][r]\n\n[r]: command:q', 'quoted x'],
  ['- [ ] task [y](command:evil)\n- [x] done', '- ☐ task y'],
  ['```\n[x](command:inside-code)\n```\n`[y](command:inline-code)`', '[x](command:inside-code)'],
  ['<command:awsNotes.openSection?%5B%7B%22uri%22%3A%22https%3A%2F%2Fevil%22%2C%22line%22%3A0%7D%5D>', 'command:awsNotes.openSection?'],
  ['[x](<command:evil> "t") [y]( command:evil ) [z](COMMAND:evil)', 'x y z'],
];

describe('sanitiser: hostile notes', () => {
  for (const [input, shown, also] of HOSTILE) {
    it(`neutralises ${JSON.stringify(input.slice(0, 60))}`, () => {
      const out = sanitizeNoteMarkdown(input);
      assertSafe(out);
      assertSafe(quote(out));
      assert.ok(out.includes(shown), `expected ${JSON.stringify(shown)} in ${JSON.stringify(out)}`);
      if (also) assert.match(out, also);
      // No image is ever fetched and no HTML passes, in any parser.
      assert.deepEqual(renderedTargets(out).filter((t) => t.kind !== 'link'), []);
    });
  }

  it('keeps http(s) and mailto links as links, written canonically', () => {
    const out = sanitizeNoteMarkdown('[docs](https://docs.aws.amazon.com/sqs/ "title") <https://a.example/x(y)> [m](mailto:a@b.example)');
    const links = renderedTargets(out).filter((t) => t.parser === 'markdown-it' && t.kind === 'link').map((t) => t.value);
    assert.deepEqual(links, ['https://docs.aws.amazon.com/sqs/', 'https://a.example/x%28y%29', 'mailto:a@b.example']);
  });

  it('shows very deep nesting as plain text instead of parsing it', () => {
    const deep = '>'.repeat(5000) + ' [x](command:evil)\n' + Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- [y](command:z)`).join('\n');
    const started = performance.now();
    const out = sanitizeNoteMarkdown(deep);
    assert.ok(performance.now() - started < HANG_MS);
    assertSafe(out);
  });
});

describe('sanitiser: properties', () => {
  it('never leaves an executable, loading or HTML target, alone, quoted or next to another excerpt', () => {
    fc.assert(
      fc.property(markdownish(), markdownish(30), (a, b) => {
        const sa = sanitizeNoteMarkdown(a);
        const sb = sanitizeNoteMarkdown(b);
        assertSafe(sa, undefined, a);
        assertSafe(quote(sa), undefined, a);
        assertSafe(`${quote(sa)}\n\n${quote(sb)}`, undefined, a + ' ++ ' + b);
        // as in a hover: blocks separated by an empty line
        assertSafe(`${sa}\n\n${sb}`, undefined, a + ' ++ ' + b);
      }),
      params(300),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => void assertSafe(sanitizeNoteMarkdown(s), undefined, s)), params(200));
  });

  it('escapeMarkdown (breadcrumbs) makes any text one line of plain text', () => {
    fc.assert(
      fc.property(markdownish(40), (s) => {
        const out = escapeMarkdown(s);
        assert.ok(!/[\r\n]/.test(out));
        assert.deepEqual(renderedTargets(`${out} — x`).filter((t) => t.kind !== 'link' || !/^https?:|^mailto:/.test(t.value)), [], JSON.stringify(out));
      }),
      params(300),
    );
  });

  it('a hover built from a hostile note (breadcrumb + excerpt) only links to notes the index holds', () => {
    fc.assert(
      fc.property(markdownish(40), markdownish(40), (heading, body) => {
        const service = createLanguageService({ data: miniData(), locale: 'en' });
        const uri = 'file:///notes/h%5Bx%5D(command:y).md';
        service.index.setText(uri, `# SQS ${heading.replace(/[\r\n]/g, ' ')}\n\nSQS ${body}\n\n## SQS again\n\n${body} SQS\n`);
        const markdown = service.context.notes.notesMarkdownForService('sqs');
        assertSafe(markdown, new Set(service.index.uris()), heading + ' / ' + body);
      }),
      params(150),
    );
  });

  it('fencedCode (note code blocks in completion documentation): nothing inside can close the fence', () => {
    const hostile = '````\n[x](command:awsNotes.openSection?%5B%5D)\n```\r<img src=x>\n~~~';
    assert.deepEqual(renderedTargets(fencedCode(hostile, 'yaml')), []);
    fc.assert(
      fc.property(markdownish(60), (code) => {
        const md = fencedCode(code, 'yaml');
        assert.deepEqual(renderedTargets(md), [], JSON.stringify(md));
        assert.deepEqual(renderedTargets(`${md}\n\n${quote(md)}`), []);
      }),
      params(300),
    );
  });
});
