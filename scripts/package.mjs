#!/usr/bin/env node
// `npm run package`: a minified build, then a .vsix with @vscode/vsce (no node_modules: everything the
// extension runs is bundled into dist/). What ships is decided by .vscodeignore (and the SHIPPED list below);
// README.md ships as scripts/readmeForPackage.mjs writes it.
//   node scripts/package.mjs           build + package -> aws-notes-<version>.vsix (size printed)
//   node scripts/package.mjs --icon    (re)draws media/icon.png (128x128, no dependencies) and exits
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

if (process.argv.includes('--icon')) {
  fs.writeFileSync('media/icon.png', drawIcon(128));
  console.log('wrote media/icon.png');
  process.exit(0);
}

const run = (cmd, args, cwd = ROOT) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
};

// Packaging happens in a staging folder with its own minified bundles (same entry points as `npm run build`), so
// a concurrent `npm run build` from tests cannot swap readable bundles into the .vsix halfway through.
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
// `--out <file>`: write the .vsix there (the editor tests package into their own temp folder).
const outArg = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;
const out = outArg ? path.resolve(outArg) : path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
// One staging folder per run: two packagings at once (a test and a release) must not delete each other's files.
const stage = path.join(ROOT, `out/vsix-stage-${process.pid}`);
if (!fs.existsSync('media/icon.png')) fs.writeFileSync('media/icon.png', drawIcon(128));
fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
const SHIPPED = ['package.json', 'package.nls.json', 'package.nls.ja.json', '.vscodeignore', 'CHANGELOG.md', 'LICENSE',
  'THIRD-PARTY-NOTICES.md', 'data', 'syntaxes', 'snippets', 'l10n', 'media'];
for (const entry of SHIPPED) if (fs.existsSync(entry)) fs.cpSync(entry, path.join(stage, entry), { recursive: true });
// The Details page: the README without the developer part, its screenshots from AWS_NOTES_IMAGES_BASE_URL (https) or
// as captions (VS Code's Details view shows no relative or data: image), see readmeForPackage.mjs.
const { readmeForPackage } = await import('./readmeForPackage.mjs');
const imagesBaseUrl = process.env.AWS_NOTES_IMAGES_BASE_URL || undefined;
fs.writeFileSync(path.join(stage, 'README.md'), readmeForPackage(fs.readFileSync('README.md', 'utf8'), ROOT, { imagesBaseUrl }));

const { bundle } = await import('./build.mjs');
await bundle({ outdir: path.join(stage, 'dist'), minify: true, sourcemap: false });
const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], stage);
fs.rmSync(stage, { recursive: true, force: true });
const size = fs.statSync(out).size;
console.log(`${path.basename(out)}: ${(size / 1024 / 1024).toFixed(2)} MB (${size} bytes)`);
// The package budget (issue 15): the per-type schemas must stay lazily read data, not a bloated download.
const MAX_VSIX_BYTES = 15 * 1024 * 1024;
if (size > MAX_VSIX_BYTES) {
  console.error(`${path.basename(out)} is over the ${MAX_VSIX_BYTES / 1024 / 1024} MB budget`);
  process.exit(1);
}

/** The icon: a note page with ruled lines on the AWS-console navy, orange fold. RGBA, 4x supersampled. */
function drawIcon(size) {
  const S = 4;
  const navy = [0x23, 0x2f, 0x3e];
  const paper = [0xf7, 0xf4, 0xec];
  const orange = [0xff, 0x99, 0x00];
  const ink = [0x5a, 0x66, 0x75];
  const u = size / 128;
  const inRound = (x, y, x0, y0, x1, y1, r) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const colourAt = (x, y) => {
    // page 28..100 x 18..110 with the top-right corner folded
    const fold = 22 * u;
    const px0 = 30 * u, px1 = 98 * u, py0 = 16 * u, py1 = 112 * u;
    if (x >= px0 && x <= px1 && y >= py0 && y <= py1) {
      const dx = x - (px1 - fold), dy = y - py0;
      if (dx > 0 && dy < fold) {
        if (dx > dy) return inRound(x, y, 6 * u, 6 * u, 122 * u, 122 * u, 22 * u) ? navy : null; // cut corner
        return orange; // the fold
      }
      // ruled lines and an orange "AWS" mark
      if (y >= 40 * u && y <= 46 * u && x >= 42 * u && x <= 66 * u) return orange;
      for (const ly of [58, 72, 86, 100]) if (y >= ly * u && y <= (ly + 4) * u && x >= 42 * u && x <= (ly === 100 ? 70 : 86) * u) return ink;
      return paper;
    }
    return inRound(x, y, 6 * u, 6 * u, 122 * u, 122 * u, 22 * u) ? navy : null;
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = colourAt(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
