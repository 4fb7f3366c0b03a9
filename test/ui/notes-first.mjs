// Part of `npm run test:ui` (issue 13, "notes first"), run by test/ui/hover-ui.mjs in the same workbench after its
// own checks. code-server runs with DEFAULT built-ins (the Markdown extension enabled, as a user has it; test:vscode
// turns it off). The real mouse moves over four identifiers in four files (a template, a .tf, TypeScript, an IAM policy), and the first note passage under
// "From your notes" must be visible without scrolling the hover: its box lies inside the hover's visible viewport
// and it starts within the first 6 rendered lines. Also: no <img> and no command link other than
// awsNotes.openSection in the hover DOM. Screenshots: test-results/hover-notes-{dark,light}.png (also docs/images/
// with --update-screenshot).
// Japanese: the extension follows VS Code's display language (the LSP client's locale); there is no awsNotes
// language setting, and code-server has no Japanese language pack offline (`--locale ja` alone leaves VS Code and
// so the hover in English), so there is no Japanese screenshot here.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, RESULTS_DIR } from '../vscode/harness.mjs';

const NOTES_HEADER = 'From your notes';
const OPEN_SECTION = 'command:awsNotes.openSection';
const MAX_LINES = 6;

// The identifiers: file, a text that picks the rendered line, the word to hover, what the hover's head names,
// and (where a fixture note section is about exactly this identifier) the heading the first shown section must have.
const TARGETS = [
  { file: 'infra/template.yaml', line: 'Type: AWS::SQS::Queue', word: 'AWS::SQS::Queue', head: 'AWS::SQS::Queue' },
  { file: 'terraform/main.tf', line: 'resource "aws_sqs_queue" "orders"', word: 'aws_sqs_queue', head: 'aws_sqs_queue' },
  { file: 'src/publish.ts', line: 'const client = new SQSClient', word: 'SQSClient', head: 'SQSClient' },
  { file: 'infra/worker-policy.json', line: '"Action": ["sqs:ReceiveMessage"', word: 'sqs:ReceiveMessage', head: 'sqs:ReceiveMessage',
    section: 'Lambda 実行ロールと SQS の権限' },
];

let page, lap, UPDATE = false;
/** Lets another module of the same session (./hostile-hover.mjs) use openFile and wordBox on its page. */
export function bindPage(options) { ({ page, lap } = options); }
let failures = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'PASS' : 'FAIL'}: ${what}${!ok && detail ? `\n  ${detail}` : ''}`);
  if (!ok) failures++;
};

/** Viewport box of `word` inside the rendered editor line containing `context`. */
export async function wordBox(context, word, on = page) {
  return on.evaluate(({ context, word }) => {
    const norm = (s) => s.replace(/\u00a0/g, ' ');
    for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
      const text = norm(line.textContent ?? '');
      const c = text.indexOf(context);
      if (c < 0) continue;
      const target = text.indexOf(word, c);
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent.length;
        if (target < offset + len) {
          const range = document.createRange();
          const start = target - offset;
          range.setStart(n, start);
          range.setEnd(n, Math.min(len, start + word.length));
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }
        offset += len;
      }
    }
    return null;
  }, { context, word });
}

/**
 * Moves the real mouse onto `word` (in the rendered line holding `line`) until the visible hover shows every text of
 * `expect` and nothing in it is still loading. Early attempts may come before the server has indexed the notes: the
 * mouse moves away (the hover goes) and back, a bounded number of times; no fixed waits. Returns the hover's text, or
 * '' when it never showed them (the caller reports what is missing).
 */
export async function hoverWordUntil(on, { line, word, expect, attempts = 15, log = () => {} }) {
  const hover = on.locator('.monaco-hover:visible');
  for (let i = 1; i <= attempts; i++) {
    await on.mouse.move(5, 450);
    await hover.first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    const box = await wordBox(line, word, on);
    if (!box) throw new Error(`"${word}" not found in the rendered editor lines`);
    await on.mouse.move(box.x, box.y, { steps: 4 });
    try {
      await on.waitForFunction((expect) => {
        const h = [...document.querySelectorAll('.monaco-hover')].find((e) => e.getBoundingClientRect().height > 0);
        const t = h?.innerText ?? '';
        return !t.includes('Loading...') && expect.every((s) => t.includes(s));
      }, expect, { timeout: 8000, polling: 100 });
      const text = (await hover.allInnerTexts()).join('\n');
      log(`hover attempt ${i}: ${text.length} chars`);
      return text;
    } catch {
      const text = await hover.allInnerTexts().catch(() => []);
      log(`hover attempt ${i}: ${text.length ? `not yet (${text.join(' ').replace(/\s+/g, ' ').slice(0, 80)}…)` : 'no hover'}`);
    }
  }
  return '';
}

/**
 * Brings the file to the front as a user would: its tab if it is open, else Quick Open (Ctrl+P) with the
 * workspace-relative path (resolved directly, without waiting for the file search). Resolves when a rendered
 * line contains `line`. Retried: a list row can be replaced while it is picked on a busy machine.
 */
export async function openFile(file, line) {
  const name = path.basename(file);
  const active = page.locator('.tabs-container .tab.active', { hasText: name });
  for (let i = 1; ; i++) {
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
    const tab = page.locator('.tabs-container .tab', { hasText: name }).first();
    if (await tab.count()) await tab.click();
    else {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 20000 });
      await input.fill(file);
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: 60000 });
      await page.keyboard.press('Enter');
    }
    try {
      await active.waitFor({ timeout: 10000 });
      break;
    } catch (e) {
      if (i === 3) throw e;
      lap(`${file}: not open yet, again`);
    }
  }
  if (line) await page.locator('.editor-instance .monaco-editor .view-line', { hasText: line }).first().waitFor({ timeout: 20000 });
  lap(`${file} open`);
}

/**
 * Moves the real mouse onto the word and waits until the visible hover shows our notes block.
 * Early attempts may come before the server has indexed the notes: move away and back (bounded).
 */
async function hoverUntilNotes(target) {
  const hover = page.locator('.monaco-hover:visible');
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(5, 450);
    await hover.first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    const box = await wordBox(target.line, target.word);
    if (!box) throw new Error(`"${target.word}" not found in the rendered lines of ${target.file}`);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    try {
      // the widget first shows "Loading..." and grows as providers answer: wait for our head line and the notes block
      await page.waitForFunction(({ header, head }) => {
        const h = [...document.querySelectorAll('.monaco-hover')].find((e) => e.getBoundingClientRect().height > 0);
        const t = h?.innerText ?? '';
        return t.includes(header) && t.includes(head) && h.querySelector('blockquote') !== null;
      }, { header: NOTES_HEADER, head: target.head }, { timeout: 8000, polling: 100 });
      lap(`${target.word}: hover with notes (attempt ${i})`);
      // Measure the final widget: other providers (TypeScript's hover) may still be answering ("Loading...").
      await page.waitForFunction(() => {
        const h = [...document.querySelectorAll('.monaco-hover')].find((e) => e.getBoundingClientRect().height > 0);
        return h && !h.innerText.includes('Loading...');
      }, null, { timeout: 10000, polling: 100 }).catch(() => lap(`${target.word}: another hover provider is still loading`));
      return box;
    } catch {
      const text = await hover.allInnerTexts().catch(() => []);
      lap(`${target.word}: attempt ${i}: ${text.length ? `hover without notes yet (${text.join(' ').slice(0, 80)}…)` : 'no hover'}`);
    }
  }
  throw new Error(`no hover with "${NOTES_HEADER}" over ${target.word}`);
}

/** Geometry and content of the visible hover, measured in the page. */
async function measureHover(header) {
  return page.evaluate(({ header, openSection }) => {
    const hover = [...document.querySelectorAll('.monaco-hover')].find((e) => e.getBoundingClientRect().height > 0);
    if (!hover) return { error: 'no visible .monaco-hover' };
    const box = (r) => ({ top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) });
    // The visible viewport: the hover's scrollable element, clipped by the hover and the window.
    const scrollable = hover.querySelector('.monaco-scrollable-element') ?? hover;
    const sr = scrollable.getBoundingClientRect();
    const hr = hover.getBoundingClientRect();
    const view = {
      top: Math.max(sr.top, hr.top, 0), bottom: Math.min(sr.bottom, hr.bottom, window.innerHeight),
      left: Math.max(sr.left, hr.left, 0), right: Math.min(sr.right, hr.right, window.innerWidth),
    };
    const strong = [...hover.querySelectorAll('strong, b, p')].find((e) => (e.textContent ?? '').trim().startsWith(header));
    if (!strong) return { error: `no "${header}" element`, text: hover.innerText };
    const after = (e) => (strong.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const quote = [...hover.querySelectorAll('blockquote')].find(after);
    const linkOf = (a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? '';
    const crumbLink = [...hover.querySelectorAll('a')].find((a) => after(a) && linkOf(a).startsWith(openSection));
    const crumb = crumbLink?.closest('p');
    // Rendered lines: the distinct line boxes of the hover's text, top to bottom (a wrapped paragraph counts per line).
    const tops = [];
    const walker = document.createTreeWalker(hover, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.height <= 0 || r.width <= 0) continue;
        if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
      }
    }
    tops.sort((a, b) => a - b);
    const lineOf = (el) => {
      const r = el.getBoundingClientRect();
      return tops.filter((t) => t < r.top + 2).length + (tops.some((t) => Math.abs(t - r.top) < 4) ? 0 : 1);
    };
    const links = [...hover.querySelectorAll('a')].map(linkOf);
    // The hover's last text line, for the control check (the geometry can tell a hidden line from a visible one).
    const lastTop = tops.at(-1);
    const content = hover.querySelector('.monaco-hover-content') ?? hover;
    return {
      lastLine: lastTop === undefined ? null : { top: Math.round(lastTop), bottom: Math.round(lastTop) + 1 },
      overflows: content.scrollHeight > sr.height + 2,
      view: box(view), hover: box(hr), scrollable: box(sr),
      header: box(strong.getBoundingClientRect()),
      quote: quote ? box(quote.getBoundingClientRect()) : null,
      quoteText: quote?.innerText.slice(0, 200) ?? '',
      crumb: crumb ? box(crumb.getBoundingClientRect()) : null,
      crumbText: crumb?.innerText ?? '',
      quoteLine: quote ? tops.filter((t) => t < quote.getBoundingClientRect().top).length + 1 : -1,
      crumbLine: crumb ? lineOf(crumb) : -1,
      lines: tops.length,
      images: hover.querySelectorAll('img').length,
      commandLinks: links.filter((l) => /^command:/i.test(l)),
      text: hover.innerText,
    };
  }, { header, openSection: OPEN_SECTION });
}

const inside = (r, v) => r && r.top >= v.top - 1 && r.bottom <= v.bottom + 1 && r.left >= v.left - 1 && r.right <= v.right + 1;

async function checkHover(target) {
  const m = await measureHover(NOTES_HEADER);
  if (m.error) { check(false, `${target.word}: hover measurable`, `${m.error}\n${m.text ?? ''}`); return m; }
  console.log(`----- hover over ${target.word} (${m.lines} rendered lines; viewport ${JSON.stringify(m.view)}${m.overflows ? "; scrolls" : ""}) -----\n` +
    `${m.text}\n----- end -----`);
  check(m.quote !== null, `${target.word}: a note excerpt (blockquote) follows "${NOTES_HEADER}"`);
  if (target.section) {
    const last = m.crumbText.split(' — ')[0].split(' › ').at(-1)?.trim();
    check(last === target.section, `${target.word}: the first section shown is "${target.section}"`, m.crumbText);
  }
  check(inside(m.crumb, m.view), `${target.word}: the first section's breadcrumb "${m.crumbText.slice(0, 60)}" is inside the visible hover`,
    `crumb ${JSON.stringify(m.crumb)} view ${JSON.stringify(m.view)}`);
  check(inside(m.quote, m.view), `${target.word}: the first excerpt is inside the visible hover without scrolling`,
    `excerpt ${JSON.stringify(m.quote)} view ${JSON.stringify(m.view)}`);
  check(m.quoteLine >= 1 && m.quoteLine <= MAX_LINES, `${target.word}: the first excerpt starts on rendered line ${m.quoteLine} (≤ ${MAX_LINES})`,
    `excerpt "${m.quoteText.slice(0, 60)}"`);
  // Control: when the hover's content is taller than its viewport, its last line must measure as hidden,
  // or the checks above could not fail.
  if (m.overflows) check(m.lastLine && !(m.lastLine.top >= m.view.top && m.lastLine.bottom <= m.view.bottom),
    `${target.word}: control: the hover scrolls and its last line measures as outside the visible viewport`, JSON.stringify(m.lastLine));
  check(m.images === 0, `${target.word}: no <img> in the hover`, `${m.images} images`);
  const foreign = m.commandLinks.filter((l) => !l.startsWith(OPEN_SECTION));
  check(m.commandLinks.length > 0 && foreign.length === 0,
    `${target.word}: command links are only ${OPEN_SECTION} (${m.commandLinks.length})`, foreign.join(', '));
  return m;
}

/** Screenshot of the hover and the hovered word (padded), into test-results/ (and docs/images/ with --update-screenshot). */
async function shoot(name, wordAt, m) {
  const vp = page.viewportSize();
  const top = Math.max(0, Math.min(m.hover.top, wordAt.top) - 30);
  const left = Math.max(0, Math.min(m.hover.left, wordAt.left) - 30);
  const bottom = Math.min(vp.height, Math.max(m.hover.bottom, wordAt.bottom) + 30);
  const right = Math.min(vp.width, Math.max(m.hover.right, wordAt.right) + 30);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  await page.screenshot({ path: file, clip: { x: left, y: top, width: right - left, height: bottom - top } });
  lap(`screenshot -> ${path.relative(ROOT, file)}`);
  if (UPDATE) {
    const doc = path.join(ROOT, 'docs/images', name);
    fs.mkdirSync(path.dirname(doc), { recursive: true });
    fs.copyFileSync(file, doc);
    lap(`docs screenshot updated -> ${path.relative(ROOT, doc)}`);
  }
}

/**
 * Runs the checks in an open workbench (Default Dark Modern theme, fixture workspace, extension loaded).
 * Returns the number of failed checks; throws on a harness error (an element that never came).
 */
export async function notesFirstChecks(options) {
  ({ page, lap } = options);
  UPDATE = Boolean(options.update);
  failures = 0;
  // The built-in Markdown extension is on: a note shows its "Open Preview to the Side" editor action.
  await openFile('notes/messaging/sqs-lambda.md', 'SQS と Lambda');
  const preview = page.locator('.editor-actions [aria-label^="Open Preview to the Side"]');
  const markdownOn = await preview.first().waitFor({ timeout: 30000 }).then(() => true, () => false);
  check(markdownOn, 'the built-in Markdown extension is enabled (its "Open Preview to the Side" action is shown)');
  lap('Markdown extension checked');

  for (const target of TARGETS) {
    await openFile(target.file, target.line);
    const at = await hoverUntilNotes(target);
    const m = await checkHover(target);
    if (target === TARGETS[0] && !m.error) await shoot('hover-notes-dark.png', at, m);
  }

  // Same hover in a light theme, picked as a user would: Ctrl+K Ctrl+T (Preferences: Color Theme).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const picker = page.locator('.quick-input-widget input');
  await picker.waitFor({ timeout: 20000 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor({ timeout: 20000 });
  await picker.fill('Light Modern'); // the picker's label for "Default Light Modern"
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Light Modern' }).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.monaco-workbench')?.classList.contains('vs'), null, { timeout: 30000 });
  lap('light theme applied');
  await openFile(TARGETS[0].file, TARGETS[0].line);
  const at = await hoverUntilNotes(TARGETS[0]);
  const m = await checkHover(TARGETS[0]);
  if (!m.error) await shoot('hover-notes-light.png', at, m);

  return failures;
}
