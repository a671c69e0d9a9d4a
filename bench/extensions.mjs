// The extensions the bench loads into Chromium, written into bench/.fixtures/ext/:
//
// - `real`: dist/chrome itself, as a user gets it (not copied).
// - `aliases-<n>`: dist/chrome with content.js rebundled from src/content/index.ts around another
//   packed corpus (bench/corpora.mjs, packed by build.mjs's own pageIndexOf). The esbuild options
//   are build.mjs's for the content script (not exported there, so repeated here); before any
//   variant is trusted, the same rebundle around the shipped build/generated/page-index.json must
//   come out byte for byte as dist/chrome/content.js.
// - `profile`: the same content script, real corpus, not minified: only for the CPU profile that
//   says where the time goes (function names and source files survive).
// - `empty`: a throwaway MV3 extension whose content script does nothing, same matches and
//   run_at as Backstory's: what merely having a content script costs a page.

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist', 'chrome');
const SHIPPED_INDEX = join(ROOT, 'build', 'generated', 'page-index.js');

/** build.mjs's `common` options, as used for src/content/index.ts. */
const CONTENT_OPTIONS = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome120', 'firefox128'],
  logLevel: 'warning',
  legalComments: 'none',
  charset: 'utf8',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  alias: { 'mark.js': 'mark.js/dist/mark.es6.js' },
};

/** Points the content script's `import pageIndex from '.../page-index.js'` at another file. */
function pageIndexPlugin(file) {
  return {
    name: 'bench-page-index',
    setup(build) {
      build.onResolve({ filter: /(^|\/)page-index\.js$/ }, () => ({ path: file }));
    },
  };
}

async function bundleContent(indexFile, outfile, { minify = true } = {}) {
  await esbuild.build({
    ...CONTENT_OPTIONS,
    minify,
    entryPoints: [join(ROOT, 'src', 'content', 'index.ts')],
    outfile,
    plugins: [pageIndexPlugin(indexFile)],
  });
}

/** A copy of dist/chrome whose content.js bundles `indexFile`. */
async function variant(dir, indexFile, options) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(DIST, dir, { recursive: true });
  await bundleContent(indexFile, join(dir, 'content.js'), options);
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
 * Writes every variant; returns name → { dir, contentBytes }. `corpora`: size → { pageIndex }.
 * Throws if the rebundle of the shipped corpus differs from dist/chrome/content.js (then the
 * alias variants would not be the shipped script).
 */
export async function buildExtensions(outDir, corpora) {
  const root = join(outDir, 'ext');
  mkdirSync(root, { recursive: true });
  const check = join(root, 'check-content.js');
  await bundleContent(SHIPPED_INDEX, check);
  const same = readFileSync(check).equals(readFileSync(join(DIST, 'content.js')));
  rmSync(check, { force: true });
  if (!same) {
    throw new Error('bench/extensions.mjs: rebundling src/content/index.ts with the shipped page index does not reproduce dist/chrome/content.js; build.mjs\'s content options changed (update CONTENT_OPTIONS) or dist/ is stale (run `node build.mjs`)');
  }
  const size = (dir) => readFileSync(join(dir, 'content.js')).length;
  const out = { real: { dir: DIST, contentBytes: size(DIST) }, empty: { dir: emptyExtension(join(root, 'empty')), contentBytes: 0 } };
  out.empty.contentBytes = size(out.empty.dir);
  for (const [n, c] of corpora) {
    // In the form build.mjs writes build/generated/page-index.js.
    const indexFile = join(root, `page-index-${n}.js`);
    writeFileSync(indexFile, `export default JSON.parse(${JSON.stringify(JSON.stringify(c.pageIndex))});\n`);
    const dir = await variant(join(root, `aliases-${n}`), indexFile);
    out[`aliases-${n}`] = { dir, contentBytes: size(dir) };
  }
  const profileDir = await variant(join(root, 'profile'), SHIPPED_INDEX, { minify: false });
  out.profile = { dir: profileDir, contentBytes: size(profileDir) };
  return out;
}
