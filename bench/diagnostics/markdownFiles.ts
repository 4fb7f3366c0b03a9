// The .md files under a folder, sorted (the diagnostics' corpora: bench/.corpus/<profile>-<N>, or any folder of notes).
import fs from 'node:fs';
import path from 'node:path';

export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}
