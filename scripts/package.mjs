// `npm run package`: store-ready zips of dist/chrome and dist/firefox, versioned from package.json.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const ROOT = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const out = join(ROOT, 'artifacts');
mkdirSync(out, { recursive: true });

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

for (const browser of ['chrome', 'firefox']) {
  const dir = join(ROOT, 'dist', browser);
  const entries = Object.fromEntries(
    files(dir)
      .sort()
      .map((f) => [relative(dir, f), readFileSync(f)]),
  );
  // A fixed timestamp keeps the zips reproducible.
  const zip = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  const file = join(out, `backstory-${version}-${browser}.zip`);
  writeFileSync(file, zip);
  console.log(`${relative(ROOT, file)}: ${Object.keys(entries).length} files, ${(zip.length / 1024).toFixed(1)} KB`);
}
