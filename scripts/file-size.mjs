// The house rule Biome can't check: no source file over MAX_LINES lines (a file that long holds
// more than one job; ARCHITECTURE.md says where its parts go). Run by `npm test`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const MAX_LINES = 300;
const ROOT = new URL('..', import.meta.url).pathname;

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

const long = [...sources(join(ROOT, 'src'))]
  .map((path) => ({ path: relative(ROOT, path), lines: readFileSync(path, 'utf8').split('\n').length - 1 }))
  .filter((f) => f.lines > MAX_LINES);
for (const f of long) console.error(`${f.path}: ${f.lines} lines (at most ${MAX_LINES}: split it by job)`);
process.exit(long.length ? 1 : 0);
