// Notes are untrusted: whatever a note contains, the hover Markdown built from it has no executable link other
// than our own Open Section links, no image and no HTML, as read by markdown-it AND by marked (VS Code's parser).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLanguageService } from '../../../server/src/core/languageService';
import { escapeMarkdown, fencedCode, sanitizeNoteMarkdown } from '../../../server/src/core/present/sanitize';
import { miniData } from '../../helpers/miniData';
import { markdownish } from './generators';
import { renderedTargets, renderWithMarkdownIt, renderWithVscodeMarked, unsafeTargets } from './markdownOracle';
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

  it('keeps https links as links, written canonically; http and mailto links become their text', () => {
    const out = sanitizeNoteMarkdown('[docs](https://docs.aws.amazon.com/sqs/ "title") <https://a.example/x(y)> [m](mailto:a@b.example) [h](http://plain.example/)');
    for (const parser of ['markdown-it', 'marked-vscode'] as const) {
      const links = [...new Set(renderedTargets(out).filter((t) => t.parser === parser && t.kind === 'link').map((t) => t.value))];
      assert.deepEqual(links, ['https://docs.aws.amazon.com/sqs/', 'https://a.example/x%28y%29'], parser);
    }
    assert.match(out, / m /);
    assert.match(out, / h$/);
  });

  it('never draws a note\'s thematic break as a rule inside the hover (issue 17), in either renderer', () => {
    for (const rule of ['---', '***', '___', '- - -', ' * * *', '> ---', '- a\n\n  ---']) {
      const source = `before\n\n${rule}\n\nafter`;
      const out = sanitizeNoteMarkdown(source);
      for (const html of [renderWithVscodeMarked(out), renderWithMarkdownIt(out), renderWithVscodeMarked(quote(out))]) {
        assert.doesNotMatch(html, /<hr/, `${JSON.stringify(source)} -> ${JSON.stringify(out)}`);
        assert.match(html, /before[\s\S]*after/);
      }
    }
    // The raw source does draw one (the oracle can see it); a setext underline stays a heading, not a rule.
    assert.match(renderWithVscodeMarked('before\n\n---\n\nafter'), /<hr/);
    assert.match(renderWithVscodeMarked(sanitizeNoteMarkdown('Title\n---\nbody')), /<h2[^>]*>Title<\/h2>/);
  });

  it('shows very deep nesting as plain text instead of parsing it', () => {
    const deep = '>'.repeat(5000) + ' [x](command:evil)\n' + Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- [y](command:z)`).join('\n');
    const started = performance.now();
    const out = sanitizeNoteMarkdown(deep);
    assert.ok(performance.now() - started < HANG_MS);
    assertSafe(out);
  });
});

// The holes an outside attack suite found (issue 12): constructs VS Code's marked (14.0.0) reads differently from
// markdown-it and remark. Each raw input is unsafe in at least one renderer (so the oracle can see the hole);
// its sanitised form is safe alone, quoted, in a list item and next to another excerpt.
const FAKE_OPEN = `command:awsNotes.openSection?${encodeURIComponent(JSON.stringify([{ uri: 'file:///etc/passwd', line: 0 }]))}`;
const PIXEL = '![px](https://tracker.example/p.png)';
const RENDERER_HOLES: [string, string][] = [
  ['code span after ~ holding an autolink', `SQS ~\`<${FAKE_OPEN}>\` and more`],
  ['code span after ~ holding an image', `SQS ~\`${PIXEL}\` end`],
  ['code spans after ~~ and ~', `SQS ~~\`<${FAKE_OPEN}>\`~ \`a\` ~\`${PIXEL}\``],
  ['code spans after ~ inside * and _', `SQS *~\`<${FAKE_OPEN}>\`* and _~\`${PIXEL}\`_ and **a~\`<${FAKE_OPEN}>\`**`],
  ['code span after *~ and _~~', `*SQS*~\`<${FAKE_OPEN}>\` _x_~~\`${PIXEL}\``],
  ['lazy table continuation in a quote, cell with a code span after ~', `> SQS||\n-|-\nx|~\`<${FAKE_OPEN}>\``],
  ['lazy table continuation in a quote, code span holding a pipe', `> SQS||\n-|-\n\`a|<${FAKE_OPEN}>\`|\`b|${PIXEL}\``],
  ['table in a quote, cells with code spans holding pipes', `> SQS | b\n> -|-\n> \`a|<${FAKE_OPEN}>\` | \`x|${PIXEL}\``],
  ['reference definitions, case-folded labels, in a quote', `[Open][R] and ![x][img] and [r]\n\n[r]: ${FAKE_OPEN}\n[IMG]: https://tracker.example/p.png\n\n> [q][r]\n> [r]: command:q`],
  ['autolinks of every scheme and case', `<${FAKE_OPEN}> <COMMAND:workbench.action.quit> <file:///etc/passwd> <JavaScript:alert(1)> <vscode://x/y>`],
  ['entities and percent-encoding in URLs', `[a](&#99;ommand:x) [b](command&#58;x) [c](command&colon;x) [d](%63ommand:x) [e](<command:x%0Ay>) &lt;img src=x&gt;`],
  ['mixed-case schemes', '[a](CoMmAnD:workbench.action.quit) [b](JaVaScRiPt:alert(1)) [c](FILE:///etc/passwd) [d](DATA:text/html,x)'],
  ['URL and e-mail literals in text and code', 'see www.evil.example and a@b.example and http://plain.example `www.x.example` `a@b.c` `http://x`'],
  ['URL literals split over two nodes (a link dropped in between)', 'SQS www.<command:x> and http:[/](command:x)/evil.example and a[@](command:y)b.example'],
  ['raw HTML next to code spans', `~\`<img src=https://t.example/p.png>\`~ <img src="https://t.example/p.png"> \`<a href="${FAKE_OPEN}">\``],
];

describe('sanitiser: constructs VS Code\'s marked reads differently (issue 12)', () => {
  for (const [name, input] of RENDERER_HOLES) {
    it(name, () => {
      // No Open Section link may come out of an excerpt: the set of indexed notes is empty here.
      const none = new Set<string>();
      assert.notDeepEqual(unsafeTargets(input, none), [], 'the raw input is unsafe, so the oracle can see this hole');
      const out = sanitizeNoteMarkdown(input);
      assertSafe(out, none, input);
      assertSafe(quote(out), none, input);
      assertSafe(`- ${out.split('\n').join('\n  ')}`, none, input);
      assertSafe(`${quote(out)}\n\n${quote(sanitizeNoteMarkdown('SQS ~ `x` ~'))}`, none, input);
      assert.deepEqual(renderedTargets(out).filter((t) => t.kind !== 'link'), []);
      assert.ok(out.includes('SQS') || !input.includes('SQS'), out);
    });
  }

  it('keeps harmless inline code as code, and shows risky code as text', () => {
    const out = sanitizeNoteMarkdown('`aws_sqs_queue.jobs.arn` and `!Sub ${AWS::Region}` and `event["Records"][0]` and `<queue-url>` and `[a](b)` and `s3://bucket/key`');
    const html = renderWithVscodeMarked(out);
    assert.match(html, /<code>aws_sqs_queue\.jobs\.arn<\/code>/);
    assert.match(html, /<code>!Sub \$\{AWS::Region\}<\/code>/);
    assert.match(html, /<code>event\[&quot;Records&quot;\]\[0\]<\/code>/);
    assert.match(html, /and &lt;queue-url&gt; and &#91;a&#93;\(b\) and s3:\/\/bucket\/key/);
    assert.equal(html.match(/<code>/g)?.length, 3);
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
        const markdown = service.context.notes.notesMarkdown(service.context.notes.forService('sqs'));
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
