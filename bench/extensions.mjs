// The extensions the bench loads into Chromium, written into bench/.fixtures/ext/:
//
// - `real`: dist/chrome itself, as a user gets it (not copied).
// - `aliases-<n>`: dist/chrome with another packed corpus in lazy/page-index.json (bench/corpora.mjs,
//   packed by build.mjs's own pageIndexOf), content.js rebundled around that corpus's gate and
//   lazy/*.js around its topics.
// - `profile`: dist/chrome with content.js and lazy/*.js rebundled from src/content/, not minified: only
//   for the CPU profile that says where the time goes (function names and source files survive).
//   It is bundled with build.mjs's own options; before it is trusted, the same rebundle minified
//   must come out byte for byte as dist/chrome/content.js.
// - `empty`: a throwaway MV3 extension whose content script does nothing, same matches and
//   run_at as Backstory's: what merely having a content script costs a page.

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleContentScript, bundleLazyModules } from '../build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist', 'chrome');
const PAGE_INDEX = join('lazy', 'page-index.json');
/** What a page that names a topic loads after the first script (its topics built in). */
const MAIN = join('lazy', 'main.js');

/** What build.mjs wrote for the real corpus (read when needed: run.mjs first checks there is a build). */
const generated = (file) => JSON.parse(readFileSync(join(ROOT, 'build', 'generated', file), 'utf8'));

async function bundleContent(outfile, { minify = true } = {}) {
  await bundleContentScript(outfile, generated('gate.json'), { minify });
}

/** A copy of dist/chrome, with another packed corpus (and the first script's gate for it) when given. */
async function variant(dir, corpus) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(DIST, dir, { recursive: true });
  if (corpus) {
    writeFileSync(join(dir, PAGE_INDEX), JSON.stringify(corpus.pageIndex));
    await bundleContentScript(join(dir, 'content.js'), corpus.gate);
    await bundleLazyModules(join(dir, 'lazy'), corpus.pageIndex);
  }
  return dir;
}

function emptyExtension(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const real = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  const cs = real.content_scripts[0];
  const manifest = {
    manifest_version: 3,
    name: 'Bench: empty content script',
    version: '1.0.0',
    content_scripts: [{ matches: cs.matches, js: ['content.js'], run_at: cs.run_at, all_frames: cs.all_frames }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'content.js'), 'void 0;\n');
  return dir;
}

/**
 * Writes every variant; returns name → { dir, contentBytes } (the first script and the module a
 * page that names a topic loads next, lazy/main.js). `corpora`: size → { pageIndex, gate }. Throws if the
 * rebundle differs from dist/chrome/content.js (then the profile would not be of the shipped script).
 */
export async function buildExtensions(outDir, corpora) {
  const root = join(outDir, 'ext');
  mkdirSync(root, { recursive: true });
  const check = join(root, 'check-content.js');
  await bundleContent(check);
  const same = readFileSync(check).equals(readFileSync(join(DIST, 'content.js')));
  rmSync(check, { force: true });
  if (!same) {
    throw new Error(
      'bench/extensions.mjs: rebundling src/content/index.ts does not reproduce dist/chrome/content.js; dist/ is stale (run `node build.mjs`)',
    );
  }
  const size = (dir) => readFileSync(join(dir, 'content.js')).length + readFileSync(join(dir, MAIN)).length;
  const empty = emptyExtension(join(root, 'empty'));
  const out = { real: { dir: DIST, contentBytes: size(DIST) }, empty: { dir: empty, contentBytes: readFileSync(join(empty, 'content.js')).length } };
  for (const [n, c] of corpora) {
    const dir = await variant(join(root, `aliases-${n}`), c);
    out[`aliases-${n}`] = { dir, contentBytes: size(dir) };
  }
  const profileDir = await variant(join(root, 'profile'), null);
  await bundleContent(join(profileDir, 'content.js'), { minify: false });
  await bundleLazyModules(join(profileDir, 'lazy'), generated('page-index.json'), { minify: false });
  out.profile = { dir: profileDir, contentBytes: size(profileDir) };
  return out;
}
