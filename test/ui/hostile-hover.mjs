// Part of `npm run test:ui` (issue 12, "untrusted means untrusted"), run by test/ui/hover-ui.mjs in the same workbench
// after the notes-first checks (default built-ins: the Markdown extension on). A hostile note and a hostile template
// (test/fixtures/hostile, kept out of test/fixtures/workspace so the other suites' fixture counts and rankings do not
// change) are written into the running workspace, as a cloned repository or a copied page would arrive. The real mouse
// hovers AWS::SQS::QueuePolicy (only the hostile note names it) and the !Ref to the hostile parameter; the rendered
// hover DOM must hold no image, no element of raw HTML, and no link but Open Section to a note of this workspace or
// https; the hostile words must still be shown as text. A control runs the same DOM check on a copy of the hover with a
// forged Open Section link, a foreign command link and an image added, and the check must flag all three.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../vscode/harness.mjs';
import { bindPage, openFile, wordBox } from './notes-first.mjs';

const HOSTILE_DIR = path.join(ROOT, 'test/fixtures/hostile');
const NOTE = 'notes/security/hostile.md';
const TEMPLATE = 'infra/hostile-template.yaml';

const TARGETS = [
  { name: 'hostile note', file: TEMPLATE, line: 'Type: AWS::SQS::QueuePolicy', word: 'AWS::SQS::QueuePolicy',
    // the hostile section's heading (breadcrumb) and words of its payload lines, rendered as text
    expect: ['送信元を絞る', 'runbook', 'Open the runbook', 'SendMessage'], needsOpenSection: true },
  { name: 'hostile template', file: TEMPLATE, line: '- !Ref RunbookQueueUrl', word: 'RunbookQueueUrl',
    expect: ['Queue for the runbook', 'Open the runbook'], needsOpenSection: false },
];

let page, lap;
let failures = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'PASS' : 'FAIL'}: ${what}${!ok && detail ? `\n  ${detail}` : ''}`);
  if (!ok) failures++;
};

/**
 * Runs in the page. Every problem of a rendered hover element: elements that raw HTML or an image would produce,
 * any URL-bearing attribute outside links, and links whose target (href or data-href; VS Code keeps the target in
 * data-href) is neither https nor Open Section with a note of `notesRoot` as its argument.
 */
function domProblems(hover, notesRoot) {
  const problems = [];
  const FORBIDDEN = 'img, picture, source, video, audio, iframe, frame, object, embed, script, style, link, meta, form, input, textarea, svg image, base';
  for (const e of hover.querySelectorAll(FORBIDDEN)) problems.push(`<${e.tagName.toLowerCase()}> ${e.outerHTML.slice(0, 120)}`);
  for (const e of hover.querySelectorAll('[src], [srcset], [background], [poster], [formaction], [action]')) {
    problems.push(`URL attribute on <${e.tagName.toLowerCase()}>: ${e.outerHTML.slice(0, 120)}`);
  }
  for (const e of hover.querySelectorAll('[style*="url("]')) problems.push(`style url: ${e.outerHTML.slice(0, 120)}`);
  const openSections = [];
  for (const e of hover.querySelectorAll('[href], [data-href], [xlink\\:href]')) {
    for (const attr of ['href', 'data-href', 'xlink:href']) {
      const target = (e.getAttribute(attr) ?? '').trim();
      if (!target) continue;
      if (/^https:\/\//i.test(target)) continue;
      const m = /^command:awsNotes\.openSection\?(.*)$/.exec(target);
      if (!m) { problems.push(`${attr}="${target.slice(0, 160)}" on <${e.tagName.toLowerCase()}>`); continue; }
      let uri = '';
      try { uri = String(JSON.parse(decodeURIComponent(m[1]))[0]?.uri ?? ''); } catch {}
      let ok = false;
      try {
        const u = new URL(uri);
        ok = u.protocol === 'file:' && u.href.startsWith(notesRoot) && !decodeURIComponent(u.pathname).includes('/../');
      } catch {}
      if (ok) openSections.push(uri);
      else problems.push(`Open Section to "${uri || m[1].slice(0, 120)}" (not a note under ${notesRoot})`);
    }
  }
  return { problems, openSections };
}

/** Moves the real mouse onto the word until the visible hover shows every expected text (bounded attempts). */
async function hoverUntil(target) {
  const hover = page.locator('.monaco-hover:visible');
  for (let i = 1; i <= 15; i++) {
    await page.mouse.move(5, 450);
    await hover.first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    const box = await wordBox(target.line, target.word);
    if (!box) throw new Error(`"${target.word}" not found in the rendered lines of ${target.file}`);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    try {
      await page.waitForFunction((expect) => {
        const h = [...document.querySelectorAll('.monaco-hover')].find((e) => e.getBoundingClientRect().height > 0);
        const t = h?.innerText ?? '';
        return !t.includes('Loading...') && expect.every((s) => t.includes(s));
      }, target.expect, { timeout: 8000, polling: 100 });
      lap(`${target.word}: hover with the ${target.name} (attempt ${i})`);
      return;
    } catch {
      const text = await hover.allInnerTexts().catch(() => []);
      lap(`${target.word}: attempt ${i}: ${text.length ? `not yet (${text.join(' ').replace(/\s+/g, ' ').slice(0, 100)}…)` : 'no hover'}`);
    }
  }
  const last = await hover.allInnerTexts().catch(() => []);
  throw new Error(`no hover over ${target.word} showing ${target.expect.join(', ')}; last hover:\n${last.join('\n')}`);
}

async function checkTarget(target, notesRoot) {
  await openFile(target.file, target.line);
  await hoverUntil(target);
  const r = await page.evaluate(({ notesRoot, src }) => {
    const domProblems = new Function(`return (${src})`)();
    const hover = [...document.querySelectorAll('.monaco-hover')].find((e) => e.getBoundingClientRect().height > 0);
    if (!hover) return { error: 'no visible .monaco-hover' };
    const real = domProblems(hover, notesRoot);
    // Control: the same check on a copy with a forged Open Section (to /etc/passwd), a foreign command and an image.
    const copy = hover.cloneNode(true);
    const forged = `command:awsNotes.openSection?${encodeURIComponent(JSON.stringify([{ uri: 'file:///etc/passwd', line: 0 }]))}`;
    const add = (html) => { const d = document.createElement('div'); d.innerHTML = html; copy.appendChild(d); };
    add(`<a data-href="${forged}">Open section</a>`);
    add('<a href="command:workbench.action.terminal.new">x</a>');
    add('<p><img data-probe="1"></p>');
    const control = domProblems(copy, notesRoot);
    return {
      ...real, control: control.problems, text: hover.innerText,
      links: [...hover.querySelectorAll('a')].map((a) => `${a.textContent.trim().slice(0, 30)} -> ${a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''}`),
    };
  }, { notesRoot, src: domProblems.toString() });
  if (r.error) { check(false, `${target.name}: hover measurable`, r.error); return; }
  console.log(`----- hover over ${target.word} (${target.name}) -----\n${r.text}\n----- links -----\n${r.links.join('\n')}\n----- end -----`);
  check(target.expect.every((s) => r.text.includes(s)), `${target.name}: the hostile text is shown as text (${target.expect.join(', ')})`);
  check(r.problems.length === 0, `${target.name}: no image, no raw HTML element, no link but Open Section to a workspace note or https`,
    r.problems.join('\n  '));
  if (target.needsOpenSection) {
    check(r.openSections.some((u) => u.endsWith(`/${NOTE}`)), `${target.name}: its section is in the hover with an Open Section link to ${NOTE}`,
      r.openSections.join(', '));
  }
  check(r.control.length === r.problems.length + 3 && r.control.some((p) => p.includes('/etc/passwd'))
    && r.control.some((p) => p.includes('terminal.new')) && r.control.some((p) => p.startsWith('<img>')),
  `${target.name}: control: the check flags a forged Open Section, a foreign command link and an image added to the hover`,
  r.control.join('\n  '));
}

/**
 * Writes the hostile files into the workspace `ws` of the running workbench and checks both hovers.
 * Returns the number of failed checks; throws on a harness error.
 */
export async function hostileHoverChecks(options) {
  ({ page, lap } = options);
  bindPage(options);
  failures = 0;
  for (const rel of [NOTE, TEMPLATE]) {
    fs.mkdirSync(path.dirname(path.join(options.ws, rel)), { recursive: true });
    fs.copyFileSync(path.join(HOSTILE_DIR, rel), path.join(options.ws, rel));
  }
  lap(`hostile files written: ${NOTE}, ${TEMPLATE}`);
  await page.keyboard.press('Escape');
  const notesRoot = `${pathToFileURL(path.join(path.resolve(options.ws), "notes")).href}/`;
  for (const target of TARGETS) await checkTarget(target, notesRoot);
  return failures;
}
