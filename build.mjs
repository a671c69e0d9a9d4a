// Builds Backstory: validates the corpus in data/, compiles the matcher index and the lazily
// loaded topic details, bundles each entry point once, and writes one extension per browser
// (dist/chrome, dist/firefox) from the one source manifest.
//
//   node build.mjs            build both browsers
//   node build.mjs --check    validate the corpus only

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { writeDemoPages } from './scripts/demo-pages.mjs';
import { iconPng } from './scripts/icon.mjs';

const ROOT = dirname(fileURLToPath(import.meta.url));
const DATA = join(ROOT, 'data');
const OUT = join(ROOT, 'build');
const DIST = join(ROOT, 'dist');
export const BROWSERS = ['chrome', 'firefox'];
export const GECKO_ID = 'backstory@backstory-extension.org';
const ICON_SIZES = [16, 32, 48, 128];

const rel = (p) => p.slice(ROOT.length + 1);
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { __parseError: `${rel(file)}: not valid JSON (${e.message})` };
  }
};

/** The corpus tools (and the page's message keys) are TypeScript in src; bundle them for Node once per build (the bench uses them too). */
export async function loadCorpusTools() {
  const outfile = join(OUT, 'tools', 'corpus-tools.mjs');
  await esbuild.build({
    stdin: {
      contents: [
        ...['corpus-validate', 'corpus-compile', 'text-fold', 'matcher', 'gate', 'gate-needles'].map((m) => `export * from './src/core/${m}';`),
        "export * from './src/platform/page-messages';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

export function readCorpusInput(dataDir = DATA) {
  const sourcesDir = join(dataDir, 'sources');
  const topicsDir = join(dataDir, 'topics');
  const sources = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const data = readJson(join(sourcesDir, f));
      const textFile = data && typeof data.file === 'string' ? join(sourcesDir, data.file) : null;
      return { file: `data/sources/${f}`, data, text: textFile && existsSync(textFile) ? readFileSync(textFile, 'utf8') : null };
    });
  const topics = readdirSync(topicsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `data/topics/${f}`, data: readJson(join(topicsDir, f)) }));
  return {
    categories: { file: 'data/categories.json', data: readJson(join(dataDir, 'categories.json')) },
    sources,
    topics,
  };
}

function parseErrors(input) {
  const all = [input.categories, ...input.sources, ...input.topics];
  return all.filter((f) => f.data?.__parseError).map((f) => f.data.__parseError);
}

/** Validates and compiles; throws an Error listing every problem (file › topic › field). */
export async function compileCorpus(dataDir = DATA) {
  const tools = await loadCorpusTools();
  const input = readCorpusInput(dataDir);
  const broken = parseErrors(input);
  if (broken.length) throw new Error(`The corpus has errors:\n  ${broken.join('\n  ')}`);
  const { corpus, errors } = tools.validateCorpus(input);
  if (!corpus)
    throw new Error(`The corpus has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n  ${errors.map(tools.formatCorpusError).join('\n  ')}`);
  const context = readJson(join(dataDir, 'context.json'));
  const version = createHash('sha256')
    .update(JSON.stringify([corpus, context]))
    .digest('hex')
    .slice(0, 8);
  const index = tools.compileIndex(corpus, context, version);
  const texts = new Map(input.sources.map((f) => [f.data.id, f.text]));
  return {
    // The reader page shows each source in full, with a tooltip's quote highlighted.
    documents: corpus.sources.map(({ file: _file, ...meta }) => ({ ...meta, text: texts.get(meta.id) })),
    corpus,
    index,
    pageIndex: pageIndexOf(tools, index),
    gate: gateOf(tools, index),
    details: tools.compileDetails(corpus, version),
    version,
  };
}

/** What every page loads: the matcher packed into automata, and the topics' labels. */
export function pageIndexOf(tools, index) {
  const { version, topics, categories, claims, claimEvents } = index;
  return { version, matcher: tools.packMatcher(index), topics, categories, claims, ...(claimEvents && { claimEvents }) };
}

/** The first script's gate: a needle per alias that can name a topic (look-alikes need none). */
export function gateOf(tools, index) {
  const naming = Object.keys(index.aliases).filter((key) => index.aliases[key].topic >= 0);
  // A stem (Russian case endings) may begin a longer word: the gate must let that through.
  return tools.packGate(tools.gateNeedles(naming.map((key) => (index.aliases[key].stem ? key + tools.GATE_STEM : key))));
}

export function manifestFor(browser, version) {
  const m = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  m.version = version;
  if (browser === 'chrome') {
    // A per-session address: pages can't probe for Backstory by loading a fixed URL.
    for (const w of m.web_accessible_resources) w.use_dynamic_url = true;
  }
  if (browser === 'firefox') {
    m.background = { scripts: [m.background.service_worker] };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return m;
}

function categoryCss(categories) {
  const rgba = (hex, a) => {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
  };
  // Mark mode: custom properties read by content.css. Highlight mode: one ::highlight() rule per
  // category (custom properties don't reach highlight pseudo-elements), stronger on dark pages.
  // Background only: a text-decoration gives every highlighted text node ink overflow, which
  // Chromium invalidates again for all of them whenever the page changes its DOM (measured: a
  // feed's own appends took 2× as long with an underline, 1.4× without).
  const marks = categories.map(
    (c) =>
      `mark.backstory-mark[data-annotation-category="${c.id}"] { --backstory-hl: ${rgba(c.color, 0.16)}; --backstory-hl-strong: ${rgba(c.color, 0.3)}; --backstory-line: ${rgba(c.color, 0.85)}; }`,
  );
  const light = categories.map((c) => `::highlight(backstory-${c.id}) { background-color: ${rgba(c.color, 0.16)}; }`);
  const dark = categories.map((c) => `  ::highlight(backstory-${c.id}) { background-color: ${rgba(c.color, 0.34)}; }`);
  return [...marks, ...light, '@media (prefers-color-scheme: dark) {', ...dark, '}'].join('\n');
}

/** src/content/lazy/*.ts: loaded by the content script from lazy/ when a page needs them. */
const LAZY_MODULES = ['main', 'ui', 'marks'];

/** How every entry point is bundled (bench/extensions.mjs rebundles the content script with it). */
export const BUNDLE_OPTIONS = Object.freeze({
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome120', 'firefox128'],
  logLevel: 'warning',
  legalComments: 'none',
  // The packed matcher's labels are mostly Japanese and Cyrillic: raw UTF-8, not \u escapes.
  charset: 'utf8',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // mark.js's package entry is its ES5 UMD build; the ES6 build is smaller and equivalent.
  alias: { 'mark.js': 'mark.js/dist/mark.es6.js' },
});

/**
 * V8's explicit compile hint (Chromium 136+; a plain comment elsewhere): every function of the
 * content script's bundles runs on the pages they load on, so V8 compiles them all at once (for
 * the lazy modules, while streaming them, off the main thread) instead of one at a time on first
 * call. Measured on the bench's article: ~390 lazy compilations on the main thread per load to
 * ~60, its cost ~20% lower.
 */
const COMPILE_ALL_ON_LOAD = Object.freeze({ js: '//# allFunctionsCalledOnLoad' });

/** The first script, with its gate built in (bench/extensions.mjs rebundles it the same way). */
export function bundleContentScript(outfile, gate, options = {}) {
  return esbuild.build({
    ...BUNDLE_OPTIONS,
    ...options,
    entryPoints: [join(ROOT, 'src/content/index.ts')],
    banner: COMPILE_ALL_ON_LOAD,
    outfile,
    define: { BACKSTORY_GATE: JSON.stringify(gate) },
  });
}

/** Every language's messages.json in _locales/, by its folder name. */
function catalogues() {
  const dir = join(ROOT, '_locales');
  return Object.fromEntries(readdirSync(dir).map((lang) => [lang, JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8'))]));
}

/** What a page is told of the corpus beside its matcher, built into lazy/main.js (src/content/lazy/main.ts). */
export function topicIndexOf({ matcher: _matcher, ...topicIndex }) {
  return topicIndex;
}

/**
 * What the content script imports on need, with the corpus's topics (a page index's, without its
 * matcher) built in (bench/extensions.mjs rebundles them unminified, and around other corpora).
 */
export async function bundleLazyModules(outdir, pageIndex, options = {}) {
  const { pageMessagesOf } = await loadCorpusTools();
  // ES modules the content script imports. Each is whole (no shared chunks): under Chromium's
  // per-session address a module's own relative imports resolve to the static one, which pages
  // (and so the module loader) are refused.
  return esbuild.build({
    ...BUNDLE_OPTIONS,
    ...options,
    format: 'esm',
    entryPoints: LAZY_MODULES.map((m) => join(ROOT, `src/content/lazy/${m}.ts`)),
    banner: COMPILE_ALL_ON_LOAD,
    outdir,
    // The page's own few messages, every language (src/platform/page-messages.ts says why).
    define: {
      BACKSTORY_PAGE_MESSAGES: JSON.stringify(pageMessagesOf(catalogues())),
      BACKSTORY_TOPIC_INDEX: JSON.stringify(topicIndexOf(pageIndex)),
    },
  });
}

async function bundle(gate, pageIndex) {
  const common = BUNDLE_OPTIONS;
  await Promise.all([
    bundleContentScript(join(OUT, 'bundle/content.js'), gate),
    bundleLazyModules(join(OUT, 'bundle/lazy'), pageIndex),
    esbuild.build({ ...common, entryPoints: [join(ROOT, 'src/content/packs-flag.ts')], outfile: join(OUT, 'bundle/packs-flag.js') }),
    esbuild.build({ ...common, entryPoints: [join(ROOT, 'src/background/index.ts')], outfile: join(OUT, 'bundle/background.js') }),
    esbuild.build({ ...common, entryPoints: [join(ROOT, 'src/popup/index.tsx')], outfile: join(OUT, 'bundle/popup.js') }),
    esbuild.build({ ...common, entryPoints: [join(ROOT, 'src/options/index.tsx')], outfile: join(OUT, 'bundle/options.js') }),
    esbuild.build({ ...common, entryPoints: [join(ROOT, 'src/reader/index.tsx')], outfile: join(OUT, 'bundle/reader.js') }),
  ]);
}

export async function build({ check = false } = {}) {
  const started = Date.now();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const { corpus, index, pageIndex, gate, details, documents, version } = await compileCorpus();
  if (check) return { corpus, version };
  mkdirSync(join(OUT, 'generated'), { recursive: true });
  rmSync(join(OUT, 'bundle'), { recursive: true, force: true });
  // The options page checks packs against every alias; pages get only the packed matcher.
  writeFileSync(join(OUT, 'generated', 'index.json'), JSON.stringify(index));
  writeFileSync(join(OUT, 'generated', 'page-index.json'), JSON.stringify(pageIndex));
  writeFileSync(join(OUT, 'generated', 'gate.json'), JSON.stringify(gate));
  // The popup needs only this much of the corpus.
  writeFileSync(join(OUT, 'generated', 'meta.json'), JSON.stringify({ version, categories: corpus.categories, topicCount: corpus.topics.length }));
  await bundle(gate, pageIndex);
  const contentCss = `${readFileSync(join(ROOT, 'src/content/content.css'), 'utf8')}\n${categoryCss(corpus.categories)}\n`;
  for (const browser of BROWSERS) {
    const dir = join(DIST, browser);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'details'), { recursive: true });
    mkdirSync(join(dir, 'sources'), { recursive: true });
    mkdirSync(join(dir, 'icons'), { recursive: true });
    cpSync(join(OUT, 'bundle'), dir, { recursive: true });
    cpSync(join(ROOT, 'src/popup/popup.html'), join(dir, 'popup.html'));
    cpSync(join(ROOT, 'src/popup/popup.css'), join(dir, 'popup.css'));
    cpSync(join(ROOT, 'src/ui/switch.css'), join(dir, 'switch.css'));
    cpSync(join(ROOT, 'src/options/options.html'), join(dir, 'options.html'));
    cpSync(join(ROOT, 'src/options/options.css'), join(dir, 'options.css'));
    cpSync(join(ROOT, 'src/reader/reader.html'), join(dir, 'reader.html'));
    cpSync(join(ROOT, 'src/reader/reader.css'), join(dir, 'reader.css'));
    cpSync(join(ROOT, '_locales'), join(dir, '_locales'), { recursive: true });
    writeFileSync(join(dir, 'content.css'), contentCss);
    // The packed matcher, read as JSON by the background, and by a page only where it must search
    // itself (src/core/match-request.ts): not in a script, so no page pays for evaluating it
    // (measured when the first script carried it: one-line page 14.5 against 16 ms; 10,000
    // aliases 0.9× against 1.4× the cost of 100).
    writeFileSync(join(dir, 'lazy', 'page-index.json'), JSON.stringify(pageIndex));
    for (const d of details) writeFileSync(join(dir, 'details', `${d.topic.id}.json`), JSON.stringify(d));
    for (const d of documents) writeFileSync(join(dir, 'sources', `${d.id}.json`), JSON.stringify(d));
    for (const size of ICON_SIZES) writeFileSync(join(dir, 'icons', `${size}.png`), iconPng(size));
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(browser, pkg.version), null, 2)}\n`);
  }
  writeDemoPages(DATA, join(OUT, 'demo'));
  const kb = (f) => (readFileSync(join(DIST, 'chrome', f)).length / 1024).toFixed(1);
  console.log(
    `Built dist/chrome and dist/firefox in ${Date.now() - started} ms: ${corpus.topics.length} topics, ` +
      `${Object.keys(index.aliases).length} aliases, ${corpus.sources.length} sources, corpus ${version}; ` +
      `content.js ${kb('content.js')} KB, popup.js ${kb('popup.js')} KB, background.js ${kb('background.js')} KB`,
  );
  return { corpus, version };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  build({ check: process.argv.includes('--check') }).catch((e) => {
    console.error(`\n✖ ${e.message}\n`);
    process.exit(1);
  });
}
