// The README inside the .vsix is the extension's Details page. VS Code renders it in a webview whose sanitizer keeps
// only http(s) image sources and whose Content-Security-Policy loads only https: (and data:) images: a relative
// `docs/images/x.png` and a data: URL both end up as a broken image (test/ui/details-page.mjs shows it). So the
// packaged copy differs from the repository's:
//   - an image of the repository becomes `${imagesBaseUrl}/docs/images/x.png` when the images are published at an
//     https address (AWS_NOTES_IMAGES_BASE_URL at package time), else a one-line caption in place of a broken image;
//   - other relative links become their text (there is no repository to resolve them against);
//   - the developer part (between <!-- dev:start --> and <!-- dev:end -->) is left out.
import fs from 'node:fs';
import path from 'node:path';

const ABSOLUTE = /^(?:https:|mailto:|#)/i;

/** `root`: the repository folder; `imagesBaseUrl`: https address where the repository's files are published. */
export function readmeForPackage(markdown, root, { imagesBaseUrl } = {}) {
  if (imagesBaseUrl !== undefined && !/^https:\/\/[^\s"')]+$/.test(imagesBaseUrl)) throw new Error(`images base URL must be https: ${imagesBaseUrl}`);
  const base = imagesBaseUrl?.replace(/\/+$/, '');
  const withoutDev = markdown.replace(/\n?<!-- dev:start[\s\S]*?<!-- dev:end -->\n?/g, '\n');
  // Images first: ![alt](path "title")
  const images = withoutDev.replace(/!\[([^\]]*)\]\(([^)\s]+)(\s+"[^"]*")?\)/g, (whole, alt, target, title = '') => {
    if (/^https:/i.test(target)) return whole;
    const file = path.resolve(root, target);
    if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file)) throw new Error(`README image ${target} not found`);
    const rel = path.relative(root, file).split(path.sep).join('/');
    return base ? `![${alt}](${base}/${rel}${title})` : `*Screenshot: ${alt}.*`;
  });
  // Then links to files of the repository: their text only (a link to a file that is not there would be dead).
  return images.replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, text, target) => (ABSOLUTE.test(target) ? whole : text));
}
