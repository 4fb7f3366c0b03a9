#!/usr/bin/env node
// `npm run test:details`: the extension as a user installs it. The packaged .vsix is installed into a fresh
// code-server profile (default settings, English VS Code, no language pack) with awsNotes.displayLanguage = "ja";
// then, like a user, through the workbench in Chromium:
//  1. Extensions view › AWS Notes: the Details page shows the README for users: no broken image (VS Code's Details
//     view shows only https images: see scripts/readmeForPackage.mjs), how Japanese works, no developer part;
//  2. a hover over "SQS" in a template shows our labels in Japanese (あなたのノートから) in an English VS Code.
// Screenshots: test-results/details-page.png, test-results/hover-ja.png (docs/images/ with --update-screenshot).
// Exit codes: 0 pass, 1 fail, 2 timeout, 3 harness error, 4 editors missing.
// Env: AWS_NOTES_VSIX=<file> (else `npm run package`; with SKIP_BUILD=1 an existing .vsix is reused), KEEP=1, UI_TIMEOUT_MS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, RESULTS_DIR, copyFixtureWorkspace, freePort, installVsix, lap as lap0, launchChromium, makeTempDir, onAbort,
  requireEditors, startCodeServer, workbenchUrl,
} from '../vscode/harness.mjs';
import { hoverWordUntil } from './notes-first.mjs';

const TAG = 'test:details';
const lap = (m) => lap0(TAG, m);
const UPDATE = process.argv.includes('--update-screenshot');
const TIMEOUT_MS = Number(process.env.UI_TIMEOUT_MS || 240000);

requireEditors();
const t0 = Date.now();
let server, ctx, tmp, done = false;
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'PASS' : 'FAIL'}: ${what}`);
  if (!ok) failures.push(what);
};

async function finish(code, why) {
  if (done) return;
  done = true;
  lap(`finish: exit code ${code} (${why})`);
  if (code !== 0 && server) console.log(`----- code-server log (last 40 lines) -----\n${server.tail(40)}\n----- end -----`);
  try { await ctx?.close(); } catch {}
  await server?.stop();
  if (tmp && !process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`test:details ${code === 0 ? 'PASSED' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(code);
}
onAbort(() => finish(130, 'signal'));

async function shot(page, name) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  await page.screenshot({ path: file });
  lap(`screenshot -> ${path.relative(ROOT, file)}`);
  if (UPDATE) {
    fs.copyFileSync(file, path.join(ROOT, 'docs/images', name));
    lap(`updated docs/images/${name}`);
  }
}

/** The frame (inside the webview's nested iframes) whose document contains `text`. */
async function frameWith(page, text, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const frame of page.frames()) {
      const has = await frame.evaluate((t) => document.body?.innerText?.includes(t) ?? false, text).catch(() => false);
      if (has) return frame;
    }
    await page.waitForTimeout(300);
  }
  return undefined;
}

try {
  let vsix = process.env.AWS_NOTES_VSIX;
  if (!vsix) {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
    if (!(process.env.SKIP_BUILD === '1' && fs.existsSync(vsix))) {
      lap('npm run package');
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package.mjs')], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('npm run package failed');
    }
  }
  // The time limit covers the editor part only: packaging takes minutes on a busy machine.
  setTimeout(() => finish(2, `timeout after ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();
  tmp = makeTempDir('details');
  const ws = copyFixtureWorkspace(tmp);
  lap(`installing ${path.relative(ROOT, vsix)}`);
  installVsix({ tmp, vsix: path.resolve(vsix) });
  const port = await freePort();
  server = await startCodeServer({
    tag: TAG, tmp, port, locale: 'en',
    settings: { 'editor.hover.delay': 200, 'workbench.colorTheme': 'Default Light Modern', 'awsNotes.displayLanguage': 'ja' },
  });
  ctx = await launchChromium(tmp);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(workbenchUrl(port, ws));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  lap('workbench visible');

  // 1. The Details page, reached as a user does: Extensions view, the installed AWS Notes.
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => {});
  await page.keyboard.press('Control+Shift+X');
  await page.locator('.extensions-viewlet').waitFor({ timeout: 20000 });
  // the search box takes the focus when the view opens
  await page.waitForFunction(() => document.activeElement?.closest('.extensions-viewlet') != null, null, { timeout: 20000, polling: 50 }).catch(() => {});
  await page.keyboard.type('@installed AWS Notes');
  const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'AWS Notes' }).first();
  await row.waitFor({ timeout: 60000 });
  await row.click();
  lap('AWS Notes selected in the Extensions view');
  const details = await frameWith(page, 'Get started', 60000);
  check(!!details, 'the Details page shows the README (its "Get started" section)');
  if (details) {
    // Images decode asynchronously: wait until every one has finished (loaded or failed).
    await details.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 20000 }).catch(() => {});
    const images = await details.evaluate(() => [...document.images].map((i) => ({ alt: i.alt, w: i.naturalWidth, h: i.naturalHeight, src: i.src.slice(0, 40) })));
    console.log(`images on the Details page: ${JSON.stringify(images)}`);
    // The README's icon-free Markdown: an image is there only with AWS_NOTES_IMAGES_BASE_URL (https), and then loads.
    check(images.every((i) => i.w > 0 && i.h > 0), `no broken image on the Details page (${images.length} images)`);
    const text = await details.evaluate(() => document.body.innerText);
    if (!process.env.AWS_NOTES_IMAGES_BASE_URL) check(/Screenshot: Hover in a CloudFormation template/.test(text), 'without a published image address, the screenshot is a caption');
    check(/From your notes/.test(text) && /sqs:ReceiveMessage/.test(text), 'the Details page shows what a hover looks like (the example)');
    check(/Japanese/.test(text) && /awsNotes\.displayLanguage/.test(text), 'the Details page says how Japanese works');
    check(!/npm install|CONTRIBUTING/.test(text), 'the Details page has no developer instructions');
    // the page is drawn before the screenshot: two animation frames of the workbench (a webview's own frames may be
    // throttled and never fire)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await shot(page, 'details-page.png');

  // 2. Our labels in Japanese, in an English VS Code without a language pack (awsNotes.displayLanguage = ja).
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 20000 });
  await page.keyboard.type('infra/template.yaml');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'template.yaml' }).first().waitFor({ timeout: 60000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'pipeline - SQS queue' }).waitFor({ timeout: 20000 });
  const text = await hoverWordUntil(page, { line: 'pipeline - SQS queue', word: 'SQS', expect: ['あなたのノートから'], log: lap });
  check(text.includes('あなたのノートから') && text.includes('セクションを開く'), 'the hover labels are Japanese (あなたのノートから, セクションを開く)');
  check(!text.includes('From your notes'), 'no English label in the hover');
  const workbenchEnglish = await page.locator('.activitybar, .part.activitybar').first().getAttribute('aria-label').catch(() => null);
  console.log(`VS Code's own UI stays as it is (activity bar label: ${JSON.stringify(workbenchEnglish)})`);
  await shot(page, 'hover-ja.png');

  await finish(failures.length ? 1 : 0, failures.length ? `${failures.length} checks failed` : 'all checks passed');
} catch (error) {
  console.error(error);
  try { fs.mkdirSync(RESULTS_DIR, { recursive: true }); await ctx?.pages()[0]?.screenshot({ path: path.join(RESULTS_DIR, 'details-failure.png') }); } catch {}
  await finish(3, 'harness error');
}
