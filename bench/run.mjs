#!/usr/bin/env node
// npm run bench: what Backstory's content script costs a page, as a user gets it, in real
// Chromium; side by side in the same run with an empty content script and a bare TreeWalker pass
// plus one combined RegExp of the aliases over the same page. Checks the targets of issue 10
// ("Targets" and the looser "Done when") and prints PASS/FAIL per target. Never part of `npm test`.
//
//   npm run bench                   build, then everything (about 5 minutes on 2 cores)
//   node bench/run.mjs --readme     also rewrite README.md between its bench:start / bench:end
//                                   markers (summary and PASS/FAIL); the full tables always go
//                                   to bench/RESULTS.md
//   BENCH_ONLY=article,oneline BENCH_SIZES=100,10000 BENCH_REPS=5 node bench/run.mjs   a subset
//
// What is measured (bench/trace.mjs says exactly what is charged to whom):
// - `real`: dist/chrome loaded as an unpacked extension, on each page (bench/fixtures.mjs), every
//   load a fresh tab, so a fresh renderer process: nothing compiled or cached carries over. Each
//   load is traced from navigation on; Backstory is charged the main-thread CPU time of the tasks
//   that run its own script and of the rendering frames its highlights cause.
// - `empty`: a throwaway MV3 extension with a content script that does nothing, on the same pages,
//   charged by the same rule. In the same loads, after it: the bare pass, injected into the page.
// - `aliases-<n>`: dist/chrome with its content script rebundled around a corpus of n aliases
//   (bench/extensions.mjs, bench/corpora.mjs; the same real mentions in every size), on the
//   article and the one-line page.
// - Hover to tooltip, JS heap on the 5 MB page, and a CPU profile (an unminified build of the same
//   content script) of where the charged time goes on each page.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.mjs';
import { buildCorpora } from './corpora.mjs';
import { CHROMIUM_FLAGS } from '../scripts/chromium-flags.mjs';
import { isQuiet } from '../scripts/content-world.mjs';
import { buildExtensions } from './extensions.mjs';
import { writeFixtures } from './fixtures.mjs';
import { analyzeBare, analyzeLoad, profileLoad } from './trace.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', '.fixtures');
const BUNDLE = join(OUT, 'bench-page.js');
const RESULTS_MD = join(ROOT, 'bench', 'RESULTS.md');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1200, height: 900 };
// 'devtools.timeline' carries the script events with their URLs (EvaluateScript, FunctionCall…),
// which attribution needs; the bench's pages have no script of their own, so it stays light.
const TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing'];
const PROFILE_CATEGORIES = [...TRACE_CATEGORIES, 'disabled-by-default-v8.cpu_profiler'];

const list = (v) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : null;
const ONLY = list(process.env.BENCH_ONLY);
const SIZES = (list(process.env.BENCH_SIZES) ?? ['100', '1000', '10000']).map(Number);
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 3));
const WRITE_README = process.argv.includes('--readme');
const OPEN_DELAY = 250; // src/content/intent.ts OPEN_DELAY
/** After the scan: claim checks and late slices land; the highlight count must hold this long. */
const SETTLE_MS = 600;
/** How often a page is asked whether its scan ended or the first script left it quiet. */
const QUIET_POLL_MS = 250;
/** A page without a scan this long after load is asked whether the first script left it quiet. */
const QUIET_AFTER_MS = 1000;
const LOAD_TIMEOUT = 180_000;
/**
 * A scan still running this long after the load is stopped there: the load is reported as "at
 * least" what was charged until then, and not repeated (on pages where Backstory takes minutes,
 * the bench would otherwise take most of an hour). The CPU profile needs less.
 */
const SCAN_BUDGET_MS = Number(process.env.BENCH_SCAN_BUDGET_MS ?? 15_000);
const PROFILE_BUDGET_MS = Math.min(SCAN_BUDGET_MS, 8_000);
/** Pages the alias variants run on: the article (the target) and the one-line page (start-up). */
const ALIAS_PAGES = ['article', 'oneline'];

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const max = (xs) => xs.reduce((m, x) => (typeof x === 'number' && x > m ? x : m), -Infinity);
const log = (...a) => console.error(...a);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

async function bundlePageEntry() {
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench', 'page-entry.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome120'],
    outfile: BUNDLE,
    logLevel: 'warning',
  });
}

// ---------------------------------------------------------------------------------------------
// Browsers and loads

/** A browser with one extension loaded (a persistent context: Chromium loads extensions only there). */
async function withExtension(dir, fn) {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_FLAGS],
  });
  try {
    // Backstory's service worker: its settings are read from storage through it on start-up.
    if (existsSync(join(dir, 'background.js')) && !context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 30_000 });
    return await fn(context, context.browser());
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Highlights the extension shows now (read from the page's main world, as the contract allows). */
const highlightCount = (page) =>
  page.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('backstory-')) n += h.size;
    });
    return n;
  });

/**
 * Until the content script's scan measure is there and its highlights stop changing, or the
 * budget runs out (then `truncated`).
 */
async function untilScanned(page, budget = SCAN_BUDGET_MS) {
  try {
    // A page the first script leaves quiet has no scan: its own world says so (scripts/content-world.mjs).
    const end = Date.now() + budget;
    const askQuietFrom = Date.now() + QUIET_AFTER_MS;
    for (;;) {
      if (await page.evaluate(() => performance.getEntriesByName('backstory:scan').length > 0)) break;
      // Asked only once a scan had time to start: each ask is a DevTools task in the trace.
      if (Date.now() >= askQuietFrom && (await isQuiet(page))) return { highlights: await highlightCount(page), truncated: false };
      if (Date.now() > end) throw new Error('scan budget spent');
      await page.waitForTimeout(QUIET_POLL_MS);
    }
  } catch {
    return { highlights: await highlightCount(page), truncated: true };
  }
  let last = -1;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(SETTLE_MS / 2);
    const n = await highlightCount(page);
    if (n === last) return { highlights: n, truncated: false };
    last = n;
  }
  return { highlights: last, truncated: false };
}

/**
 * One fresh load in a new tab, traced from navigation on. `during` runs inside the trace after
 * the load (waiting for the scan, the bare pass); `after` once the trace is stopped.
 */
async function tracedLoad(context, browser, url, { categories = TRACE_CATEGORIES, during, after }) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let buffer;
  let inTrace;
  let afterTrace;
  try {
    await page.goto('about:blank');
    await browser.startTracing(page, { categories });
    try {
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      inTrace = during ? await during(page) : null;
    } finally {
      buffer = await browser.stopTracing();
    }
    afterTrace = after ? await after(page) : null;
  } finally {
    await page.close();
  }
  if (errors.length) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
  return { buffer, inTrace, afterTrace };
}

/** What src/background/page-work.ts measures each request a page hands it as. */
const BACKGROUND_MEASURES = ['backstory:match', 'backstory:claims'];

/**
 * The background's time searching the load's text and checking its statements (off the page's
 * main thread, so not in the trace's figures), cleared for the next load; null without a
 * background to ask.
 */
async function backgroundMs(context) {
  const worker = context.serviceWorkers()[0];
  if (!worker) return null;
  try {
    return await worker.evaluate((names) => {
      let ms = 0;
      for (const name of names) {
        ms += performance.getEntriesByName(name).reduce((sum, e) => sum + e.duration, 0);
        performance.clearMeasures(name);
      }
      return ms;
    }, BACKGROUND_MEASURES);
  } catch {
    return null;
  }
}

async function jsHeap(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usage.usedSize / 2 ** 20;
}

// ---------------------------------------------------------------------------------------------
// Hover to tooltip

/** One hover on target i; times from the end of the intent delay. */
async function hover(page, i) {
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => !window.__bench.tooltipOpen(), null, { timeout: 5_000, polling: 50 });
  const point = await page.evaluate((k) => window.__bench.hoverPoint(k), i);
  if (!point) return null;
  await page.evaluate(() => window.__bench.armHover());
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => window.__bench.hoverResult()?.done === true, null, { timeout: 10_000, polling: 50 });
  const r = await page.evaluate(() => window.__bench.hoverResult());
  const intentEnd = r.hitFrame + OPEN_DELAY;
  // Frames rendered once the intent delay was over: 1 = the first of them. (A frame whose callbacks
  // ran just before the delay's end and is rendered after it is the first the reader sees after it.)
  const after = r.frames.filter((f) => (f.rendered ?? f.start) >= intentEnd);
  const at = after.findIndex((f) => f.sourced);
  return {
    text: point.text,
    moveToHitMs: r.hitFrame - r.move,
    openDomMs: r.open === null ? null : r.open - intentEnd,
    sourcedDomMs: r.sourced - intentEnd,
    sourcedPaintedMs: r.paintedSource - intentEnd,
    frame: at < 0 ? null : at + 1,
  };
}

async function hovers(page, { all }) {
  await page.addScriptTag({ path: BUNDLE });
  const texts = await page.evaluate(() => window.__bench.pickHoverTargets(6));
  const out = [];
  const first = await hover(page, 0);
  if (first) out.push({ kind: 'first', ...first });
  if (all) {
    for (let i = 1; i < texts.length; i++) {
      const h = await hover(page, i);
      if (h) out.push({ kind: 'cold', ...h });
    }
    for (let i = 0; i < Math.min(3, texts.length); i++) {
      const h = await hover(page, i);
      if (h) out.push({ kind: 'warm', ...h });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Runs

async function runEmpty(ext, fixtures, urlOf, aliases) {
  const out = {};
  await withExtension(ext.dir, async (context, browser) => {
    for (const fx of fixtures) {
      const reps = [];
      for (let i = 0; i < REPS; i++) {
        const heap = fx.id === 'big' && i === 0;
        const { buffer, inTrace, afterTrace } = await tracedLoad(context, browser, urlOf(fx), {
          during: async (page) => {
            await page.waitForTimeout(SETTLE_MS);
            await page.addScriptTag({ path: BUNDLE });
            return page.evaluate((a) => window.__bench.bare(a), aliases);
          },
          after: heap ? (page) => jsHeap(context, page) : null,
        });
        const load = analyzeLoad(buffer, urlOf(fx));
        reps.push({ load, bare: inTrace, bareCpuMs: analyzeBare(buffer, urlOf(fx)), heapMB: afterTrace });
      }
      out[fx.id] = reps;
      log(
        `[${elapsed()}] empty script, ${fx.id}: ${f(median(reps.map((r) => r.load.ms)))} ms; bare pass ${f(median(reps.map((r) => r.bareCpuMs ?? r.bare.ms)))} ms over ${n0(reps[0].bare.textNodes)} text nodes (${n0(reps[0].bare.matches)} RegExp matches)`,
      );
    }
  });
  return out;
}

async function runBackstory(ext, fixtures, urlOf, { withHovers = false, label = 'real' } = {}) {
  const out = {};
  const hoverRuns = [];
  await withExtension(ext.dir, async (context, browser) => {
    for (const fx of fixtures) {
      const reps = [];
      for (let i = 0; i < REPS; i++) {
        const heap = fx.id === 'big' && i === 0;
        const hoverHere = withHovers && fx.id === 'article';
        const { buffer, inTrace, afterTrace } = await tracedLoad(context, browser, urlOf(fx), {
          during: untilScanned,
          after: async (page) => ({
            heapMB: heap ? await jsHeap(context, page) : null,
            backgroundMs: await backgroundMs(context),
            hovers: hoverHere ? await hovers(page, { all: i === REPS - 1 }) : [],
          }),
        });
        const { heapMB, backgroundMs: bgMs } = afterTrace;
        reps.push({ load: analyzeLoad(buffer, urlOf(fx)), highlights: inTrace.highlights, truncated: inTrace.truncated, heapMB, backgroundMs: bgMs });
        hoverRuns.push(...afterTrace.hovers);
        if (inTrace.truncated) break;
      }
      out[fx.id] = reps;
      const l = reps.map((r) => r.load);
      log(
        `[${elapsed()}] ${label}, ${fx.id}: ${reps[0].truncated ? `scan unfinished after ${SCAN_BUDGET_MS / 1000} s, at least ` : ''}${f(median(l.map((x) => x.ms)))} ms (rendering ${f(median(l.map((x) => x.renderMs)))}), ${median(l.map((x) => x.tasks))} tasks, longest ${f(max(l.map((x) => x.longestMs)))}, ${reps[0].highlights} highlights`,
      );
    }
  });
  return { loads: out, hovers: hoverRuns };
}

/** What the profile variant rebundles unminified (bench/extensions.mjs): the first script and the matcher's module. */
const PROFILED_BUNDLES = ['content.js', 'lazy/main.js'];

async function runProfiles(ext, fixtures, urlOf) {
  const bundles = Object.fromEntries(PROFILED_BUNDLES.map((f) => [f, readFileSync(join(ext.dir, f), 'utf8')]));
  const out = {};
  await withExtension(ext.dir, async (context, browser) => {
    for (const fx of fixtures) {
      const { buffer, inTrace } = await tracedLoad(context, browser, urlOf(fx), {
        categories: PROFILE_CATEGORIES,
        during: (page) => untilScanned(page, PROFILE_BUDGET_MS),
      });
      out[fx.id] = { ...profileLoad(buffer, urlOf(fx), bundles), truncated: inTrace.truncated };
    }
  });
  log(`[${elapsed()}] CPU profiles taken`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Report

const f = (x) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
const n0 = (x) => (typeof x === 'number' ? x.toLocaleString('en-US') : '–');
/** "At least", where the scan was stopped at the budget. */
const ge = (r) => (r.truncated ? '≥ ' : '');
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

function sourceState() {
  try {
    const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const head = git('rev-parse', '--short', 'HEAD').trim();
    const dirty = git('status', '--porcelain', '--', 'src', 'data', 'build.mjs')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return dirty.length ? `commit ${head} with uncommitted changes to ${dirty.join(', ')}` : `commit ${head}`;
  } catch {
    return 'not a git checkout';
  }
}

function machine() {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown CPU';
  let version = 'unknown';
  try {
    version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .replace(/\s+built on.*/, '');
  } catch {
    // reported as unknown
  }
  return { cpu: model, cores: cpus().length, chromium: version, node: process.version };
}

function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((v, c) => v.padEnd(widths[c])).join(' | ')} |`;
  return [line(all[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}

/** Per page: medians over the fresh loads (longest task: the worst load). */
function summarize(fixtures, real, empty) {
  const rows = {};
  for (const fx of fixtures) {
    const r = real.loads[fx.id];
    const e = empty[fx.id];
    if (!r || !e) continue;
    const l = r.map((x) => x.load);
    const worst = l.reduce((a, x) => (x.longestMs > a.longestMs ? x : a));
    const bare = median(e.map((x) => x.bareCpuMs ?? x.bare.ms));
    const ms = median(l.map((x) => x.ms));
    const truncated = r.some((x) => x.truncated);
    rows[fx.id] = {
      truncated,
      reps: r.length,
      label: fx.label,
      bytes: fx.bytes,
      ms,
      scriptMs: median(l.map((x) => x.scriptMs)),
      renderMs: median(l.map((x) => x.renderMs)),
      renderFrames: median(l.map((x) => x.renderFrames)),
      renderLayoutMs: median(l.map((x) => x.renderLayoutMs)),
      pageFrameMs: median(l.map((x) => x.pageFrameMaxMs)),
      tasks: median(l.map((x) => x.tasks)),
      longestMs: worst.longestMs,
      longestKind: worst.longestKind,
      over50: max(l.map((x) => x.over50)),
      evaluateMs: median(l.map((x) => x.evaluateMs)),
      // Only where there is something to paint (elsewhere the first charged frame is not highlights).
      firstPaintMs: r[0].highlights > 0 ? median(l.map((x) => x.firstPaintMs)) : null,
      firstPaintAfterScriptMs:
        r[0].highlights > 0
          ? median(l.map((x) => (x.firstPaintMs === null || x.scriptStartMs === null ? null : x.firstPaintMs - x.scriptStartMs)))
          : null,
      emptyMs: median(e.map((x) => x.load.ms)),
      emptyLongestMs: max(e.map((x) => x.load.longestMs)),
      bareMs: bare,
      bareInPageMs: median(e.map((x) => x.bare.ms)),
      textNodes: e[0].bare.textNodes,
      highlights: r[0].highlights,
      ratio: bare > 0 ? ms / bare : null,
      runs: l.map((x) => x.ms),
      heapMB: r.find((x) => x.heapMB !== null)?.heapMB ?? null,
      backgroundMs: r.every((x) => x.backgroundMs === null) ? null : median(r.map((x) => x.backgroundMs ?? 0)),
      emptyHeapMB: e.find((x) => x.heapMB !== null)?.heapMB ?? null,
      pids: new Set(l.map((x) => x.pid)).size,
    };
  }
  return rows;
}

function summarizeAliases(variants, exts) {
  const out = {};
  for (const [size, v] of Object.entries(variants)) {
    for (const [id, reps] of Object.entries(v.loads)) {
      const l = reps.map((x) => x.load);
      (out[id] ??= {})[size] = {
        ms: median(l.map((x) => x.ms)),
        renderMs: median(l.map((x) => x.renderMs)),
        evaluateMs: median(l.map((x) => x.evaluateMs)),
        tasks: median(l.map((x) => x.tasks)),
        longestMs: max(l.map((x) => x.longestMs)),
        highlights: reps[0].highlights,
        truncated: reps.some((x) => x.truncated),
        contentBytes: exts[`aliases-${size}`].contentBytes,
      };
    }
  }
  return out;
}

function hoverStats(hs, kind) {
  const of = hs.filter((h) => h.kind === kind);
  if (!of.length) return null;
  return {
    n: of.length,
    domMs: median(of.map((h) => h.sourcedDomMs)),
    paintedMs: median(of.map((h) => h.sourcedPaintedMs)),
    worstPaintedMs: max(of.map((h) => h.sourcedPaintedMs)),
    frames: of.map((h) => h.frame),
  };
}

function targets(rows, aliasRows, hoverList, _meta) {
  const checks = [];
  const add = (tier, target, pass, detail) => checks.push({ tier, target, pass, detail });
  const one = rows.oneline;
  if (one) {
    const above = one.ms - one.emptyMs;
    add(
      'Target',
      'one-line page: Backstory ≤ 2 ms above an empty content script',
      above <= 2,
      `${f(one.ms)} ms against ${f(one.emptyMs)} ms: ${f(above)} ms above`,
    );
    add('Done when', 'one-line page: Backstory ≤ 3 ms above an empty content script', above <= 3, `${f(above)} ms above`);
  }
  const art = rows.article;
  if (art) {
    add(
      'Target',
      'article (40–50 KB, hundreds of mentions): Backstory ≤ 10 ms',
      art.ms <= 10,
      `${f(art.ms)} ms (script ${f(art.scriptMs)}, rendering ${f(art.renderMs)}), ${n0(art.highlights)} highlights`,
    );
    add('Done when', 'article: Backstory ≤ 20 ms', art.ms <= 20, `${f(art.ms)} ms`);
  }
  for (const id of ['big', 'none', 'table']) {
    const r = rows[id];
    if (!r) continue;
    add(
      'Target',
      `${r.label}: Backstory ≤ 1.5× the bare pass`,
      r.ms <= 1.5 * r.bareMs,
      `${ge(r)}${f(r.ms)} ms against bare ${f(r.bareMs)} ms: ${ge(r)}${f(r.ratio)}×${r.truncated ? ` (scan stopped after ${SCAN_BUDGET_MS / 1000} s, 1 load)` : ''}`,
    );
    add('Done when', `${r.label}: Backstory ≤ 3× the bare pass`, r.ms <= 3 * r.bareMs, `${ge(r)}${f(r.ratio)}×`);
  }
  for (const r of Object.values(rows)) {
    add(
      'Target + Done when',
      `${r.label}: no task over 50 ms, the rendering it causes included`,
      r.longestMs <= 50,
      `longest ${f(r.longestMs)} ms (${r.longestKind}), worst of ${r.reps} load${r.reps === 1 ? '' : 's'}; ${ge(r)}${r.over50} over 50 ms`,
    );
  }
  for (const r of Object.values(rows)) {
    if (r.renderFrames === 0 && r.renderMs === 0) {
      add('Target', `${r.label}: rendering caused by painting ≤ one frame's layout`, true, 'no rendering caused');
      continue;
    }
    add(
      'Target',
      `${r.label}: rendering caused by painting ≤ one frame's layout`,
      r.renderMs <= r.pageFrameMs,
      `${f(r.renderMs)} ms in ${r.renderFrames} frames (layout and style in them ${f(r.renderLayoutMs)} ms) against the page's own largest frame ${f(r.pageFrameMs)} ms`,
    );
  }
  const a = aliasRows.article;
  if (a?.[100] && a?.[10000]) {
    const same = a[100].highlights === a[10000].highlights;
    add(
      'Target',
      '10,000 aliases ≤ 1.3× 100 aliases (article, same mentions)',
      a[10000].ms <= 1.3 * a[100].ms && same,
      `${f(a[10000].ms)} against ${f(a[100].ms)} ms = ${f(a[10000].ms / a[100].ms)}× (${n0(a[10000].highlights)} and ${n0(a[100].highlights)} highlights${same ? '' : ': NOT the same mentions'}); content.js + lazy/main.js ${kb(a[10000].contentBytes)} against ${kb(a[100].contentBytes)}`,
    );
  }
  const first = hoverList.filter((h) => h.kind === 'first');
  if (first.length) {
    const late = hoverList.filter((h) => h.frame !== 1);
    add(
      'Target',
      'hover: sourced tooltip content painted in the first frame after the intent delay, first tooltip included',
      late.length === 0,
      `first tooltip: frame ${first.map((h) => h.frame ?? '–').join(', ')}, painted ${first.map((h) => f(h.sourcedPaintedMs)).join(', ')} ms after the delay; all ${hoverList.length} hovers: ${hoverList.length - late.length} in frame 1`,
    );
  }
  const big = rows.big;
  if (big?.heapMB !== null && big?.emptyHeapMB !== null && big) {
    const d = big.heapMB - big.emptyHeapMB;
    add(
      'Target',
      'JS heap ≤ 5 MB on the 5 MB page',
      d <= 5,
      `${ge(big)}${f(d)} MB: ${f(big.heapMB)} MB with Backstory${big.truncated ? ' (scan not finished)' : ''}, ${f(big.emptyHeapMB)} MB with the empty script (after a forced GC, the page's isolate)`,
    );
  }
  add(
    'Done when',
    'none of the heavy pages (infinite scroll, deep nesting, one 5 MB text node, update under an open page) freezes or stutters',
    null,
    'not measured by the bench (issue 10 asks for real-browser tests of those)',
  );
  return checks;
}

const mark = (c) => (c.pass === null ? 'N/A ' : c.pass ? 'PASS' : 'FAIL');

function mainTable(rows) {
  return table(
    [
      'page',
      'text nodes',
      'Backstory ms (script + rendering)',
      'tasks',
      'longest task',
      'empty script ms',
      'bare pass ms',
      '÷ bare',
      'highlights',
      'first highlights painted',
      'background ms',
    ],
    Object.values(rows).map((r) => [
      `${r.label} (${kb(r.bytes)})`,
      n0(r.textNodes),
      `${ge(r)}${f(r.ms)} (${f(r.scriptMs)} + ${f(r.renderMs)})${r.truncated ? ` stopped after ${SCAN_BUDGET_MS / 1000} s, 1 load` : ''}`,
      n0(r.tasks),
      `${f(r.longestMs)} ${r.longestKind}`,
      f(r.emptyMs),
      f(r.bareMs),
      r.ratio === null ? '–' : `${f(r.ratio)}×`,
      n0(r.highlights),
      r.firstPaintMs === null ? '–' : `${f(r.firstPaintMs)} ms (${f(r.firstPaintAfterScriptMs)} after start)`,
      r.backgroundMs === null ? '–' : f(r.backgroundMs),
    ]),
  );
}

function aliasTable(aliasRows) {
  const rows = [];
  for (const [id, bySize] of Object.entries(aliasRows)) {
    for (const [size, a] of Object.entries(bySize))
      rows.push([id, n0(Number(size)), kb(a.contentBytes), f(a.ms), f(a.evaluateMs), f(a.renderMs), n0(a.tasks), f(a.longestMs), n0(a.highlights)]);
  }
  return table(
    ['page', 'aliases', 'content.js + lazy/main.js', 'Backstory ms', 'evaluating content.js', 'rendering', 'tasks', 'longest', 'highlights'],
    rows,
  );
}

function hoverTable(hoverList) {
  const rows = [];
  for (const [kind, label] of [
    ['first', 'first tooltip on the page'],
    ['cold', 'another topic, details not loaded yet'],
    ['warm', 'a topic opened before'],
  ]) {
    const s = hoverStats(hoverList, kind);
    if (s) rows.push([label, s.n, f(s.domMs), f(s.paintedMs), f(s.worstPaintedMs), s.frames.map((x) => x ?? '–').join(', ')]);
  }
  return table(['hover', 'n', 'sourced content in DOM (median)', 'painted (median)', 'painted (worst)', 'frame after the delay'], rows);
}

function profileText(profiles, rows) {
  const out = [];
  for (const [id, p] of Object.entries(profiles)) {
    const r = rows[id];
    out.push(
      `**${r?.label ?? id}** (one load of the unminified build${p.truncated ? `, stopped after ${PROFILE_BUDGET_MS / 1000} s of scanning` : ''}: ${f(p.load.ms)} ms charged, ${f(p.load.scriptMs)} script in ${p.load.tasks - p.load.renderFrames} tasks, ${f(p.load.renderMs)} rendering in ${p.load.renderFrames} frames):`,
    );
    out.push('');
    out.push(`- script, share of the samples in its tasks: ${p.top.map((t) => `${t.fn} ${(t.share * 100).toFixed(0)}%`).join('; ') || '–'}`);
    out.push(`- rendering it caused, by phase: ${p.renderPhases.map((x) => `${x.phase} ${f(x.ms)} ms`).join(', ') || 'none'}`);
    out.push('');
  }
  return out.join('\n');
}

function resultsMarkdown(meta, rows, aliasRows, hoverList, profiles, checks) {
  const m = meta.machine;
  return `# Bench results

Written by \`node bench/run.mjs\` (issue 10's targets). ${meta.source}. ${m.cpu}, ${m.cores} cores; ${m.chromium} (headless); Node ${m.node}. Load average ${meta.loadBefore} before, ${meta.loadAfter} after; ${meta.duration}.

Every figure is main-thread CPU time (ms) from a Chrome trace of a fresh load (a new tab, so a new renderer; ${meta.distinctPids}), median of ${REPS} loads. **Backstory** is dist/chrome as built: the tasks that run its script (by the script URL in the trace's EvaluateScript / v8.compile / FunctionCall / module events, and the tasks that run only microtasks once it has started: its promise continuations), plus the rendering frames that follow them with nothing of the page's in between (bench/trace.mjs explains the rule). **Empty script**: a content script that does nothing, charged by the same rule. **Bare pass**: a TreeWalker over the page's text nodes plus one combined case-insensitive RegExp of the ${meta.realAliases} aliases, injected into the page (CPU of its task). **First highlights painted**: the end of the first charged frame that painted, from navigation start (and from the content script's start). **Background ms**: the extension's background searching the load's text and checking its statements against the sources (its own thread, not the page's: not in the other figures; \`backstory:match\` and \`backstory:claims\` measures). content.js + lazy/main.js ${kb(meta.contentBytes)}.

## Per page

${mainTable(rows)}

Rendering charged to Backstory, and the page's own largest frame in the same load (what "one frame's layout" is taken to be):

${table(
  ['page', 'frames', 'rendering ms', 'style + layout in them', "page's own largest frame", 'evaluating content.js', 'runs (ms)'],
  Object.values(rows).map((r) => [
    r.label,
    n0(r.renderFrames),
    f(r.renderMs),
    f(r.renderLayoutMs),
    f(r.pageFrameMs),
    f(r.evaluateMs),
    r.runs.map(f).join(', '),
  ]),
)}

JS heap on the 5 MB page, after a forced GC (the page's isolate, which the content script's world shares): ${rows.big ? `${f(rows.big.heapMB)} MB with Backstory, ${f(rows.big.emptyHeapMB)} MB with the empty script: **${f(rows.big.heapMB - rows.big.emptyHeapMB)} MB** Backstory's` : 'not measured (page not in this run)'}.

## Alias count

dist/chrome's content script rebundled around corpora of 100, 1,000 and 10,000 aliases (the same first 100 real aliases in each, the rest invented names that occur on no page, so the same mentions; bench/corpora.mjs, bench/extensions.mjs):

${aliasTable(aliasRows)}

## Hover to tooltip

On the article, ms from the end of the ${OPEN_DELAY} ms intent delay (which starts in the animation frame that hit-tests the pointermove) to the tooltip's sourced content: in the DOM, and painted (a task queued from the first frame that shows it runs once that frame is rendered). *frame*: 1 = the first frame rendered after the delay; each frame is looked at after its callbacks, style and layout, before it paints, so content added anywhere in a frame counts for that frame.

${hoverTable(hoverList)}

## Where the time goes

${profileText(profiles, rows)}
## Targets (${checks.filter((c) => c.pass).length} of ${checks.filter((c) => c.pass !== null).length} pass)

${checks.map((c) => `- ${mark(c)} [${c.tier}] ${c.target}: ${c.detail}`).join('\n')}
`;
}

const README_START = '<!-- bench:start (written by `node bench/run.mjs --readme`) -->';
const README_END = '<!-- bench:end -->';

function readmeBlock(meta, rows, aliasRows, hoverList, checks) {
  const a = aliasRows.article;
  const first = hoverStats(hoverList, 'first');
  const lines = [
    README_START,
    `${meta.source}; ${meta.machine.cores}-core ${meta.machine.cpu}, ${meta.machine.chromium} headless; median of ${REPS} fresh loads. Main-thread CPU ms charged to dist/chrome's content script (its own tasks plus the rendering they cause, from a Chrome trace), beside an empty content script and a bare TreeWalker + one-RegExp pass in the same run. Full tables, attribution and CPU profiles: [bench/RESULTS.md](bench/RESULTS.md).`,
    '',
    table(
      ['page', 'Backstory ms', 'tasks / longest', 'empty script', 'bare pass', '÷ bare', 'first highlights'],
      Object.values(rows).map((r) => [
        r.label,
        `${ge(r)}${f(r.ms)} (${f(r.renderMs)} rendering)`,
        `${ge(r)}${n0(r.tasks)} / ${f(r.longestMs)}`,
        f(r.emptyMs),
        f(r.bareMs),
        r.ratio === null ? '–' : `${f(r.ratio)}×`,
        r.firstPaintMs === null ? '–' : `${f(r.firstPaintMs)} ms`,
      ]),
    ),
    '',
    [
      a?.[100] && a?.[10000]
        ? `Article with 10,000 aliases: ${f(a[10000].ms)} ms against ${f(a[100].ms)} ms with 100 (${f(a[10000].ms / a[100].ms)}×).`
        : null,
      rows.big?.heapMB != null && rows.big?.emptyHeapMB != null ? `JS heap on the 5 MB page: ${f(rows.big.heapMB - rows.big.emptyHeapMB)} MB.` : null,
      rows.article?.backgroundMs != null
        ? `Searching the text and checking statements in the extension's background, off the page's main thread (not in the figures above): ${f(rows.article.backgroundMs)} ms per article load.`
        : null,
      first
        ? `First tooltip: sourced content painted ${f(first.paintedMs)} ms after the intent delay (frame ${first.frames.map((x) => x ?? '–').join(', ')}).`
        : null,
    ]
      .filter(Boolean)
      .join(' '),
    '',
    `**Targets** (issue 10): ${checks.filter((c) => c.pass).length} of ${checks.filter((c) => c.pass !== null).length} pass.`,
    '',
    ...checks.map((c) => `- ${c.pass === null ? 'N/A' : c.pass ? 'PASS' : '**FAIL**'} [${c.tier}] ${c.target}: ${c.detail}`),
    README_END,
  ];
  return lines.join('\n');
}

/** Replaces what lies between the README's bench markers; nothing else. */
function writeReadme(block) {
  const file = join(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error('README.md has no bench:start / bench:end markers');
  writeFileSync(file, `${readme.slice(0, start)}${block}${readme.slice(end + README_END.length)}`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(join(ROOT, 'build', 'generated', 'page-index.json')) || !existsSync(join(ROOT, 'dist', 'chrome', 'manifest.json'))) {
    throw new Error('run `node build.mjs` first (npm run bench does)');
  }
  const loadBefore = loadAverage();
  const source = sourceState();
  await bundlePageEntry();
  const { corpora, realAliases, realCount } = await buildCorpora(SIZES);
  const exts = await buildExtensions(OUT, corpora);
  const fixtures = writeFixtures(join(ROOT, 'data'), OUT)
    .filter((fx) => !ONLY || ONLY.includes(fx.id))
    .map(({ html: _html, make: _make, ...fx }) => fx);
  log(
    `[${elapsed()}] load average ${loadBefore}; pages: ${fixtures.map((fx) => `${fx.id} ${kb(fx.bytes)}`).join(', ')}; content.js + lazy/main.js ${kb(exts.real.contentBytes)} (real corpus, ${realCount} aliases)${SIZES.map((s) => `, ${kb(exts[`aliases-${s}`].contentBytes)} (${s})`).join('')}`,
  );
  const server = await serveStatic([OUT]);
  const urlOf = (fx) => `${server.url}/${fx.file}`;
  let empty;
  let real;
  const variants = {};
  let profiles;
  try {
    empty = await runEmpty(exts.empty, fixtures, urlOf, realAliases);
    real = await runBackstory(exts.real, fixtures, urlOf, { withHovers: true });
    const aliasPages = fixtures.filter((fx) => ALIAS_PAGES.includes(fx.id));
    if (aliasPages.length) {
      for (const size of SIZES) variants[size] = await runBackstory(exts[`aliases-${size}`], aliasPages, urlOf, { label: `${n0(size)} aliases` });
    }
    profiles = await runProfiles(exts.profile, fixtures, urlOf);
  } finally {
    await server.close();
  }
  const rows = summarize(fixtures, real, empty);
  const aliasRows = summarizeAliases(variants, exts);
  const allLoads = Object.values(real.loads).flat();
  const pids = new Set(allLoads.map((x) => x.load.pid)).size;
  const meta = {
    source,
    machine: machine(),
    loadBefore,
    loadAfter: loadAverage(),
    duration: `the run took ${elapsed()}`,
    realAliases: realAliases.length,
    contentBytes: exts.real.contentBytes,
    distinctPids: `${pids} renderer processes for ${allLoads.length} loads`,
  };
  const checks = targets(rows, aliasRows, real.hovers, meta);
  const results = resultsMarkdown(meta, rows, aliasRows, real.hovers, profiles, checks);
  writeFileSync(RESULTS_MD, results);
  writeFileSync(join(OUT, 'results.json'), JSON.stringify({ meta, rows, aliasRows, hovers: real.hovers, profiles, checks }, null, 2));
  console.log(
    `\n${mainTable(rows)}\n\n${aliasTable(aliasRows)}\n\n${hoverTable(real.hovers)}\n\n${profileText(profiles, rows)}\nTargets (${checks.filter((c) => c.pass).length} of ${checks.filter((c) => c.pass !== null).length} pass):\n${checks.map((c) => `  ${mark(c)}  [${c.tier}] ${c.target}: ${c.detail}`).join('\n')}\n`,
  );
  if (WRITE_README) {
    writeReadme(readmeBlock(meta, rows, aliasRows, real.hovers, checks));
    log('README.md: the block between the bench markers rewritten');
  }
  log(`[${elapsed()}] done; bench/RESULTS.md, bench/.fixtures/results.json`);
}

main().catch((e) => {
  console.error(`\n✖ ${e.stack ?? e.message}\n`);
  process.exit(1);
});
