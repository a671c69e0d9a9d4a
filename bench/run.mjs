#!/usr/bin/env node
// npm run bench: Backstory's cost on real pages in real Chromium, side by side with a bare
// TreeWalker pass (the lower bound) and naive mark.js, on generated fixtures (bench/fixtures.mjs)
// and corpora of 100, 1,000 and 10,000 aliases (bench/corpora.mjs); then the built extension on
// the same pages, and hover-to-tooltip time. Prints the tables and the targets of issue 4 as
// PASS/FAIL. Never part of `npm test`.
//
//   npm run bench                   build, then everything (about 5-7 minutes on 2 cores)
//   node bench/run.mjs --readme     also rewrite the measured part of README.md's Performance
//                                   section (between its bench:start / bench:end markers)
//   BENCH_ONLY=article,empty BENCH_SIZES=100,1000 BENCH_REPS=5 node bench/run.mjs   a subset
//
// Main-thread time is read from a Chromium trace: the CPU time of every task on the page's main
// thread while the code runs (the rendering its DOM changes cause included), minus the same
// harness doing nothing. CPU rather than wall-clock time, so other processes busy on the machine
// don't inflate it. Each measurement loads its page fresh in a new browser context, so a new
// renderer process: nothing compiled or cached carries over, as on a first visit.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.mjs';
import { buildCorpora } from './corpora.mjs';
import { writeFixtures } from './fixtures.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', '.fixtures');
const BUNDLE = join(OUT, 'bench-page.js');
const EXTENSION_DIR = join(ROOT, 'dist', 'chrome');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1200, height: 900 };
// Light on purpose: 'devtools.timeline' records an event per call from the DOM into JS (every
// TreeWalker filter call), which slows the scan down and makes traces of 80 MB.
const TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
const TASK = 'ThreadControllerImpl::RunTask';

const list = (v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : null);
const ONLY = list(process.env.BENCH_ONLY);
const SIZES = (list(process.env.BENCH_SIZES) ?? ['100', '1000', '10000']).map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const NAIVE_BUDGET_MS = Number(process.env.BENCH_NAIVE_MS ?? 1500);
const WRITE_README = process.argv.includes('--readme');
const FRAME_MS = 1000 / 60;
const OPEN_DELAY = 250; // src/content/tooltip-host.ts OPEN_DELAY

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const max = (xs) => xs.reduce((m, x) => (x > m ? x : m), -Infinity);
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
    // As build.mjs: the same mark.js build the extension ships.
    alias: { 'mark.js': 'mark.js/dist/mark.es6.js' },
  });
}

// ---------------------------------------------------------------------------------------------
// Traces

/**
 * Every task on the main thread of the page's renderer during the trace (or, with `window`, the
 * tasks that overlap it, in trace microseconds), each told by where it was posted from: a
 * setTimeout or a message port (the scan's slices), a rendering frame, or other script (the harness's evaluate).
 * Durations are the thread's CPU time (tdur), so other processes busy on the machine don't
 * count; `wallMs` keeps the wall-clock figure.
 */
function analyzeTrace(buffer, baseUrl, { pid, window } = {}) {
  const events = Array.isArray(buffer) ? buffer : (JSON.parse(buffer.toString('utf8')).traceEvents ?? []);
  const startedIn = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frames = startedIn?.args?.data?.frames ?? [];
  const frame = frames.find((f) => typeof f.url === 'string' && f.url.startsWith(baseUrl)) ?? frames[0];
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = mains.find((m) => m.pid === (pid ?? frame?.processId)) ?? mains[0];
  if (!main) throw new Error('no renderer main thread in the trace');
  const tasks = [];
  for (const t of events) {
    if (t.pid !== main.pid || t.tid !== main.tid || t.ph !== 'X' || t.name !== TASK || typeof t.dur !== 'number') continue;
    if (window && (t.ts + t.dur < window.from || t.ts > window.to)) continue;
    const from = t.args?.src_func ?? '';
    // The slicer yields through a MessageChannel (before, setTimeout): either posts a slice.
    const kind = from === 'DOMTimer' || /message|port/i.test(from) ? 'slice' : from === 'ScheduledActionSendBeginMainFrame' ? 'rendering' : 'script';
    tasks.push({ ms: (typeof t.tdur === 'number' ? t.tdur : t.dur) / 1000, wallMs: t.dur / 1000, kind });
  }
  const longest = tasks.reduce((a, t) => (!a || t.ms > a.ms ? t : a), null);
  const of = (kind) => tasks.filter((t) => t.kind === kind);
  const sum = (ts) => ts.reduce((s, t) => s + t.ms, 0);
  return {
    cpuMs: sum(tasks),
    wallMs: tasks.reduce((s, t) => s + t.wallMs, 0),
    renderMs: sum(of('rendering')),
    tasks: tasks.length,
    longestMs: longest?.ms ?? 0,
    longestWallMs: tasks.length ? max(tasks.map((t) => t.wallMs)) : 0,
    longestKind: longest?.kind ?? '',
    slices: of('slice').length,
    longestSliceMs: of('slice').length ? max(of('slice').map((t) => t.ms)) : 0,
    renderTasks: of('rendering').length,
    longestRenderMs: of('rendering').length ? max(of('rendering').map((t) => t.ms)) : 0,
    over50: tasks.filter((t) => t.ms > 50).length,
  };
}

async function traced(browser, page, baseUrl, fn) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let result;
  let buffer;
  try {
    result = await fn();
  } finally {
    buffer = await browser.stopTracing();
  }
  return { result, trace: analyzeTrace(buffer, baseUrl) };
}

// ---------------------------------------------------------------------------------------------
// Pages

async function freshPage(browser, url, indexJson) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await page.addScriptTag({ path: BUNDLE });
  await page.addStyleTag({ path: join(EXTENSION_DIR, 'content.css') });
  if (indexJson) await page.evaluate((json) => window.__bench.setIndex(json), indexJson);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(() => window.__bench.settle(100));
  return {
    page,
    errors,
    async heap() {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? 0, nodes: metrics.Nodes ?? 0 };
    },
    close: () => context.close(),
  };
}

const heapDelta = (a, b) => ({ jsMB: (b.js - a.js) / 2 ** 20, domMB: (b.dom - a.dom) / 2 ** 20, nodes: b.nodes - a.nodes });

async function measureIdleAndBare(browser, baseUrl, url) {
  const p = await freshPage(browser, url);
  try {
    const idle = await traced(browser, p.page, baseUrl, async () => {
      await p.page.evaluate(() => 0);
      await p.page.evaluate(() => window.__bench.settle());
    });
    const bare = await traced(browser, p.page, baseUrl, async () => {
      const r = await p.page.evaluate(() => window.__bench.bare());
      await p.page.evaluate(() => window.__bench.settle());
      return r;
    });
    return { idle: idle.trace, bare: bare.result, bareTrace: bare.trace };
  } finally {
    await p.close();
  }
}

async function measureBackstory(browser, baseUrl, url, corpus, { heap = true } = {}) {
  const p = await freshPage(browser, url, corpus.json);
  try {
    // A forced GC on a 5 MB page takes most of a second: the heap is read on the first run only.
    const before = heap ? await p.heap() : null;
    await p.page.evaluate(() => window.__bench.watchLongTasks());
    const { result, trace } = await traced(browser, p.page, baseUrl, async () => {
      const r = await p.page.evaluate(() => window.__bench.backstory());
      await p.page.evaluate(() => window.__bench.settle());
      return r;
    });
    const longTasks = await p.page.evaluate(() => window.__bench.longTaskSummary());
    const after = heap ? await p.heap() : null;
    if (p.errors.length) throw new Error(`page errors: ${p.errors.join('; ')}`);
    return { ...result, trace, longTasks, heap: heap ? heapDelta(before, after) : null };
  } finally {
    await p.close();
  }
}

/**
 * Naive mark.js, once per page, with the largest corpus's aliases (the real ones first, as in
 * every corpus): the time for each corpus is read at its alias count.
 */
async function measureNaive(browser, url, corpus, checkpoints) {
  const p = await freshPage(browser, url);
  try {
    return await p.page.evaluate(([aliases, budget, real, stops]) => window.__bench.naive(aliases, budget, real, stops), [corpus.aliases, NAIVE_BUDGET_MS, corpus.realAliases, checkpoints]);
  } finally {
    await p.close();
  }
}

async function measureNaiveOneRegex(browser, url, corpus) {
  const p = await freshPage(browser, url);
  try {
    return await p.page.evaluate((aliases) => window.__bench.naiveOneRegex(aliases), corpus.aliases);
  } finally {
    await p.close();
  }
}

/** createMatcher and the first matches for one corpus, in a fresh renderer (RegExp compilation). */
async function measureCompile(browser, url, corpus) {
  const p = await freshPage(browser, url, corpus.json);
  try {
    return await p.page.evaluate(() => window.__bench.diag());
  } finally {
    await p.close();
  }
}

/** The scan taken apart on every page, with one corpus: one renderer, compiled on the first page. */
async function measureDiag(browser, urls, corpus) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const out = {};
  try {
    for (const [id, url] of urls) {
      await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
      await page.addScriptTag({ path: BUNDLE });
      await page.evaluate((json) => window.__bench.setIndex(json), corpus.json);
      await page.evaluate(() => window.__bench.settle(100));
      out[id] = await page.evaluate(() => window.__bench.diag());
    }
  } finally {
    await context.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The real extension: scan as shipped, and hover-to-tooltip

/** Installed in the page before each hover: when the tooltip is in the DOM, and in which frame. */
const PROBE = () => {
  const r = { over: null, dom: null, domSource: null, frames: [], painted: null, paintedSource: null, done: false };
  const panel = () => document.querySelector('[data-annotation-tooltip]')?.shadowRoot?.querySelector('.panel.open') ?? null;
  const sourced = (p) => !!p?.querySelector('[data-part="source"]');
  const onOver = (e) => {
    // performance.now(), not e.timeStamp: the latter is when the input was generated, before
    // dispatch; the extension's own listener (which starts the hover-intent timer) runs now.
    if (r.over === null && e.target instanceof Element && e.target.closest('mark[data-annotation-id]')) r.over = performance.now();
  };
  document.addEventListener('mouseover', onOver, true);
  // The extension's change to the tooltip: the observer runs right after the task that made it.
  const watchShadow = () => {
    const host = document.querySelector('[data-annotation-tooltip]');
    if (host?.shadowRoot && !r.watching) {
      r.watching = true;
      mo.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true });
    }
  };
  const mo = new MutationObserver(() => {
    const at = performance.now();
    const p = panel();
    if (p && r.dom === null) r.dom = at;
    if (sourced(p) && r.domSource === null) r.domSource = at;
    watchShadow();
  });
  mo.observe(document.documentElement, { childList: true });
  watchShadow();
  // Every animation frame: its start time and what it shows; a task queued from the frame
  // callback runs once that frame's style, layout and paint are done.
  const frame = (start) => {
    const p = panel();
    const f = { start, open: !!p, sourced: sourced(p) };
    r.frames.push(f);
    if (f.open && r.painted === null) setTimeout(() => (r.painted ??= performance.now()), 0);
    if (f.sourced && r.paintedSource === null) setTimeout(() => (r.paintedSource ??= performance.now()), 0);
    if (!f.sourced) requestAnimationFrame(frame);
    else {
      r.done = true;
      mo.disconnect();
      document.removeEventListener('mouseover', onOver, true);
    }
  };
  requestAnimationFrame(frame);
  window.__probe = r;
};

/**
 * The built extension on each page: traced from navigation on, then the tasks from the content
 * script's first evaluation to the end of its scan (its 'backstory:scan' measure) are counted.
 */
async function measureExtension(fixtures, baseUrl, urlOf) {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...CHROMIUM_ARGS],
  });
  const browser = context.browser();
  const scans = {};
  const hovers = [];
  try {
    if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 30_000 });
    for (const fx of fixtures) {
      const page = await context.newPage();
      await page.goto('about:blank');
      await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, 'blink.user_timing'] });
      let buffer;
      try {
        await page.goto(urlOf(fx), { waitUntil: 'load', timeout: 180_000 });
        await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, { timeout: 180_000, polling: 100 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
      } finally {
        buffer = await browser.stopTracing();
      }
      const events = JSON.parse(buffer.toString('utf8')).traceEvents ?? [];
      const scanEnd = events.find((e) => e.name === 'backstory:scan' && e.ph === 'e');
      // Content scripts are run by a PausableScriptExecutor task: the first in the page's process.
      const start = events
        .filter((e) => e.name === TASK && e.pid === scanEnd?.pid && /pausable_script_executor/.test(e.args?.src_file ?? ''))
        .sort((a, b) => a.ts - b.ts)[0];
      const marks = await page.evaluate(() => ({ scanMs: performance.getEntriesByName('backstory:scan')[0].duration, marks: document.querySelectorAll('mark[data-annotation-id]').length }));
      const trace = start && scanEnd ? analyzeTrace(events, baseUrl, { pid: start.pid, window: { from: start.ts, to: scanEnd.ts + 100_000 } }) : null;
      scans[fx.id] = { ...marks, evaluateMs: start ? start.dur / 1000 : null, trace };
      if (fx.id === 'article') hovers.push(...(await measureHovers(page)));
      await page.close();
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return { scans, hovers };
}

async function measureHovers(page) {
  const count = await page.evaluate(() => {
    const seen = new Set();
    window.__targets = [...document.querySelectorAll('mark[data-annotation-id][tabindex="0"]')].filter((m) => {
      const id = m.getAttribute('data-annotation-id');
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    return window.__targets.length;
  });
  const topics = [...Array(Math.min(count, 6)).keys()];
  // Then three of them again: their details are loaded by then.
  const plan = [...topics.map((i) => ({ i, warm: false })), ...topics.slice(0, 3).map((i) => ({ i, warm: true }))];
  const out = [];
  for (const [n, step] of plan.entries()) {
    await page.mouse.move(10, 450);
    await page.waitForFunction(() => !document.querySelector('[data-annotation-tooltip]')?.shadowRoot?.querySelector('.panel.open'), null, { timeout: 5_000 });
    const box = await page.evaluate((i) => {
      const m = window.__targets[i];
      m.scrollIntoView({ block: 'center' });
      return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
        const b = m.getBoundingClientRect();
        r({ x: b.left + Math.min(b.width / 2, 20), y: b.top + b.height / 2, id: m.getAttribute('data-annotation-id') });
      }, 150))));
    }, step.i);
    await page.evaluate(PROBE);
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => window.__probe.done && window.__probe.paintedSource !== null, null, { timeout: 10_000, polling: 50 });
    const r = await page.evaluate(() => window.__probe);
    const intent = r.over + OPEN_DELAY;
    // Frames that began once the intent delay was over: 1 = the first of them.
    const after = r.frames.filter((f) => f.start >= intent);
    const frameOf = (key) => {
      const i = after.findIndex((f) => f[key]);
      return i < 0 ? null : i + 1;
    };
    out.push({
      topic: box.id,
      kind: n === 0 ? 'first' : step.warm ? 'warm' : 'cold',
      domMs: r.dom - intent,
      loadingMs: r.painted - intent,
      loadingFrame: frameOf('open'),
      sourcedDomMs: r.domSource - intent,
      sourcedMs: r.paintedSource - intent,
      sourcedFrame: frameOf('sourced'),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Report

const f0 = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmb = (x) => (x === null || x === undefined ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(1)}`);
const n0 = (x) => x.toLocaleString('en-US');

function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

/** The commit measured, and whether src/ or data/ had changes not yet committed. */
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
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().replace(/\s+built on.*/, '');
  } catch {
    // reported as unknown
  }
  const memGB = Math.round(Number(/MemTotal:\s*(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) / 2 ** 20);
  return { cpu: model, cores: cpus().length, memGB, chromium: chromiumVersion, node: process.version };
}

function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((v, c) => v.padEnd(widths[c])).join(' | ')} |`;
  return [line(all[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}

function report(results, meta) {
  const out = [];
  const { fixtures, sizes, diag, ext } = meta;
  const m = meta.machine;
  out.push(`Source: ${meta.source}. ${m.cpu}, ${m.cores} cores, ${m.memGB} GB; ${m.chromium} (headless); Node ${m.node}. Load average ${meta.loadBefore} before the run, ${meta.loadAfter} after. Median of ${REPS} runs (2 where one run takes over ${SLOW_RUN_MS / 1000} s), each on a freshly loaded page in a new renderer, nothing cached.`);
  out.push('');
  out.push('**Scan cost.** Milliseconds of main-thread CPU time, from a Chromium trace (tasks on the page\'s main thread while the code runs, the rendering its DOM changes cause included, minus the same harness doing nothing). *bare walk*: a TreeWalker over the text nodes reading each one, the lower bound. *naive mark.js*: `new Mark(document.body).mark(aliases, {separateWordSearch: false, acrossElements: true})`; ≈: extrapolated from the aliases it got through in 1.5 s. *Backstory*: `createAnnotator({doc, index, matcher: createMatcher(index)}).apply(DEFAULT_SETTINGS, true)` from src, the index parsed from JSON inside the timing; *(rendering)*: the part spent in rendering frames; *extra ÷ bare*: (Backstory − bare) ÷ bare, the target is ≤ 1.5; *wall*: until apply() resolves; *first mark*: until the first highlight is in the DOM (wall); *longest task*: the longest main-thread task in that time (the worst of the runs), and what it was (*script*: the call that starts the scan, *slice*: a slice run from setTimeout, *rendering*: a frame); *heap Δ*: after a forced GC, JS heap and DOM (Oilpan) heap, annotator kept alive.');
  out.push('');
  const rows = [];
  for (const fx of fixtures) {
    const r = results[fx.id];
    for (const size of sizes) {
      const b = r.backstory[size];
      const n = r.naive[size];
      rows.push([
        fx.label,
        n0(size),
        f0(r.bareMs),
        n ? `${n.measured ? '' : '≈'}${f0(n.ms)}` : '–',
        `${f0(b.busyMs)} (${f0(b.renderMs)})`,
        r.bareMs > 0.05 ? `${(b.extraMs / r.bareMs).toFixed(b.extraMs / r.bareMs >= 10 ? 0 : 1)}×` : '–',
        f0(b.wallMs),
        f0(b.firstMarkMs),
        `${f0(b.worstLongestMs)} ${b.longestKind}`,
        n0(b.marks),
        `${fmb(b.heap.jsMB)} / ${fmb(b.heap.domMB)}`,
      ]);
    }
  }
  out.push(table(['page', 'aliases', 'bare walk', 'naive mark.js', 'Backstory busy (rendering)', 'extra ÷ bare', 'wall', 'first mark', 'longest task', 'marks', 'heap Δ JS / DOM MB'], rows));
  out.push('');
  out.push(`**Inside the scan.** *setup*: JSON.parse of the index + createMatcher + createAnnotator. *first match*: the first findAll on a one-byte and then on a two-byte string, in a fresh renderer (where matching uses a RegExp, this is when V8 compiles it: lazily, once per string width). *slices*: tasks run from the slicer's yields (a MessageChannel; tasks the trace doesn't attribute to it count as script) / the longest (CPU). *long tasks the page saw*: a PerformanceObserver('longtask') registered in the page before the scan. *mark.js, 1 RegExp*: mark.js given one RegExp of every alias (\`markRegExp\`, acrossElements), what a careful newcomer would write; skipped on the page with thousands of mentions, where mark.js's wrapping alone takes minutes.`);
  out.push('');
  const drows = [];
  for (const fx of fixtures) {
    for (const size of sizes) {
      const b = results[fx.id].backstory[size];
      const c = meta.compile[size];
      const o = results[fx.id].oneRegex[size];
      drows.push([
        fx.label,
        n0(size),
        f0(b.setupMs),
        c ? `${f0(c.compileOneByteMs)} / ${f0(c.compileTwoByteMs)}` : '–',
        `${f0(b.slices)} / ${f0(b.longestSliceMs)}`,
        `${f0(b.longTasks.count)} / ${f0(b.longTasks.maxMs)}`,
        o ? f0(o.ms) : 'skipped',
      ]);
    }
  }
  out.push(table(['page', 'aliases', 'setup', 'first match 1-byte / 2-byte', 'slices / longest', 'long tasks the page saw / longest', 'mark.js, 1 RegExp'], drows));
  out.push('');
  out.push(`**Walking and matching**, read-only, with the ${n0(meta.diagSize)}-alias corpus, the matcher already used once: *walk into runs*: src/content/text-runs.ts alone; *+ match*: with findAll on every run; against the bare walk.`);
  out.push('');
  out.push(table(['page', 'bare walk', 'walk into runs', 'walk + match', 'runs (two-byte)'], fixtures.filter((fx) => diag[fx.id]).map((fx) => {
    const x = diag[fx.id];
    return [fx.label, f0(results[fx.id].bareMs), f0(x.runsMs), f0(x.matchMs), `${n0(x.runs)} (${n0(x.twoByteRuns)})`];
  })));
  out.push('');
  if (ext) {
    out.push(`**The built extension** (dist/chrome as built, real corpus of ${meta.realCount} aliases), on each page: traced from the content script's first evaluation to the end of its scan. *start*: evaluating content.js (the bundled index, createMatcher); *busy*: main-thread CPU time in that span (rendering included); *scan*: its \`backstory:scan\` measure (wall).`);
    out.push('');
    out.push(table(['page', 'start', 'scan (wall)', 'busy (rendering)', 'longest task', 'tasks over 50 ms', 'marks'], fixtures.filter((fx) => ext.scans[fx.id]).map((fx) => {
      const s = ext.scans[fx.id];
      const t = s.trace;
      return [fx.label, f0(s.evaluateMs), f0(s.scanMs), t ? `${f0(t.cpuMs)} (${f0(t.renderMs)})` : '–', t ? `${f0(t.longestMs)} ${t.longestKind}` : '–', t ? t.over50 : '–', n0(s.marks)];
    })));
    out.push('');
    out.push(`**Hover to tooltip** on the article, in ms after the ${OPEN_DELAY} ms hover-intent delay (median; *frame* 1 = the first animation frame that begins after the delay; *painted* = when that frame's rendering is done):`);
    out.push('');
    const groups = ['first', 'cold', 'warm'].map((kind) => [kind, ext.hovers.filter((h) => h.kind === kind)]).filter(([, hs]) => hs.length);
    out.push(table(['hover', 'n', 'tooltip in DOM', 'loading state painted (frame)', 'sourced content in DOM', 'sourced content painted (frame)'], groups.map(([kind, hs]) => [
      { first: 'first tooltip on the page', cold: 'another topic, details not loaded yet', warm: 'a topic opened before' }[kind],
      hs.length,
      f0(median(hs.map((h) => h.domMs))),
      `${f0(median(hs.map((h) => h.loadingMs)))} (${median(hs.map((h) => h.loadingFrame))})`,
      f0(median(hs.map((h) => h.sourcedDomMs))),
      `${f0(median(hs.map((h) => h.sourcedMs)))} (${median(hs.map((h) => h.sourcedFrame))})`,
    ])));
    out.push('');
  }
  return out.join('\n');
}

function targets(results, meta) {
  const { fixtures, sizes, ext } = meta;
  const checks = [];
  for (const fx of fixtures.filter((f) => f.big)) {
    for (const size of sizes) {
      const b = results[fx.id].backstory[size];
      const bare = results[fx.id].bareMs;
      checks.push({ target: `extra main-thread time ≤ 1.5 × bare pass, ${fx.label}, ${n0(size)} aliases`, pass: b.extraMs <= 1.5 * bare, detail: `${f0(b.extraMs)} ms against 1.5 × ${f0(bare)} = ${f0(1.5 * bare)} ms` });
    }
  }
  if (results.empty) {
    for (const size of sizes) {
      const b = results.empty.backstory[size];
      checks.push({ target: `extra main-thread time on an empty page under 2 ms, ${n0(size)} aliases`, pass: b.busyMs < 2, detail: `${f0(b.busyMs)} ms (wall ${f0(b.wallMs)}: setup ${f0(b.setupMs)}, apply ${f0(b.applyMs)})` });
    }
  }
  for (const fx of fixtures) {
    for (const size of sizes) {
      const b = results[fx.id].backstory[size];
      checks.push({ target: `no main-thread task over 50 ms, ${fx.label}, ${n0(size)} aliases`, pass: b.worstLongestMs <= 50, detail: `longest ${f0(b.worstLongestMs)} ms (${b.longestKind}); ${b.over50} tasks over 50 ms` });
    }
  }
  if (ext) {
    for (const fx of fixtures.filter((f) => ext.scans[f.id])) {
      const s = ext.scans[fx.id];
      if (s.trace) checks.push({ target: `no main-thread task over 50 ms, the built extension, ${fx.label}`, pass: s.trace.longestMs <= 50, detail: `longest ${f0(s.trace.longestMs)} ms (${s.trace.longestKind}); ${s.trace.over50} tasks over 50 ms; evaluating content.js ${f0(s.evaluateMs)} ms` });
    }
  }
  if (sizes.includes(100) && sizes.includes(10000)) {
    for (const fx of fixtures) {
      const a = results[fx.id].backstory[100];
      const z = results[fx.id].backstory[10000];
      const k = results[fx.id].backstory[1000];
      // The 100-alias corpus is the first 100 real aliases, so on pages with mentions it finds
      // fewer of them; 1,000 and 10,000 hold the same real aliases and find the same mentions.
      const same = k ? `; 1,000 → 10,000 aliases (same ${n0(z.marks)} marks): ${(z.busyMs / Math.max(k.busyMs, 0.01)).toFixed(1)}×` : '';
      checks.push({ target: `10,000 aliases cost ≤ 1.3 × 100 aliases, ${fx.label}`, pass: z.busyMs <= 1.3 * a.busyMs, detail: `${f0(z.busyMs)} against ${f0(a.busyMs)} ms = ${(z.busyMs / Math.max(a.busyMs, 0.01)).toFixed(1)}× (${n0(z.marks)} against ${n0(a.marks)} marks)${same}` });
    }
  }
  if (ext?.hovers.length) {
    const hs = ext.hovers;
    const late = (key) => hs.filter((h) => h[key] !== 1).length;
    checks.push({ target: 'tooltip painted within one frame after the hover intent delay (loading state)', pass: late('loadingFrame') === 0, detail: `in the first frame after the delay in ${hs.length - late('loadingFrame')} of ${hs.length} hovers; painted ${f0(median(hs.map((h) => h.loadingMs)))} ms after it (median), worst ${f0(max(hs.map((h) => h.loadingMs)))} ms; in the DOM after ${f0(median(hs.map((h) => h.domMs)))} ms` });
    checks.push({ target: 'tooltip painted within one frame after the hover intent delay (sourced content)', pass: late('sourcedFrame') === 0, detail: `in the first frame in ${hs.length - late('sourcedFrame')} of ${hs.length} hovers; painted ${f0(median(hs.map((h) => h.sourcedMs)))} ms after the delay (median), worst ${f0(max(hs.map((h) => h.sourcedMs)))} ms` });
    checks.push({ target: 'tooltip painted within 16.7 ms of the hover intent delay, as a time (loading state)', pass: max(hs.map((h) => h.loadingMs)) <= FRAME_MS, detail: `worst ${f0(max(hs.map((h) => h.loadingMs)))} ms (waiting for the next frame to begin is part of it)` });
  }
  return checks;
}

const README_START = '<!-- bench:start (written by `node bench/run.mjs --readme`) -->';
const README_END = '<!-- bench:end -->';

/** The measured part of README.md's "## Performance" section, between its markers. */
function readmeMeasured(reportText, checks) {
  const pass = checks.filter((c) => c.pass).length;
  return [
    README_START,
    reportText,
    `**Targets**: ${pass} of ${checks.length} checks pass.`,
    '',
    ...checks.map((c) => `- ${c.pass ? 'PASS' : '**FAIL**'} ${c.target}: ${c.detail}`),
    README_END,
  ].join('\n');
}

/** Replaces the measured part of the Performance section, leaving the prose around it alone. */
function writeReadme(measured) {
  const file = join(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start >= 0 && end > start) {
    writeFileSync(file, `${readme.slice(0, start)}${measured}${readme.slice(end + README_END.length)}`);
    return;
  }
  const at = readme.indexOf('\n## Performance');
  if (at < 0) throw new Error('README.md has no "## Performance" section');
  const next = readme.indexOf('\n## ', at + 1);
  writeFileSync(file, `${readme.slice(0, at + 1)}## Performance\n\n${measured}\n${next < 0 ? '' : readme.slice(next)}`);
}

// ---------------------------------------------------------------------------------------------

/** A run slower than this is repeated twice, not REPS times, to keep the bench to a few minutes. */
const SLOW_RUN_MS = 4000;

async function main() {
  if (!existsSync(join(ROOT, 'build', 'generated', 'index.json')) || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('run `node build.mjs` first (npm run bench does)');
  }
  const loadBefore = loadAverage();
  const source = sourceState();
  await bundlePageEntry();
  const { corpora, realCount } = await buildCorpora(SIZES);
  const fixtures = writeFixtures(join(ROOT, 'data'), OUT).filter((f) => !ONLY || ONLY.includes(f.id));
  log(`[${elapsed()}] load average ${loadBefore}; fixtures: ${fixtures.map((f) => `${f.id} ${(f.bytes / 1024).toFixed(0)} KB`).join(', ')}; corpora: ${SIZES.join(', ')} aliases (real corpus: ${realCount})`);
  const server = await serveStatic([OUT]);
  const urlOf = (fx) => `${server.url}/${fx.file}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const results = {};
  const diag = {};
  const compile = {};
  // Walking and matching barely depend on the corpus once compiled: measured with the one closest
  // to the real corpus.
  const diagSize = SIZES.reduce((a, b) => (Math.abs(b - realCount) < Math.abs(a - realCount) ? b : a));
  let ext = null;
  try {
    for (const fx of fixtures) {
      const url = urlOf(fx);
      const base = [];
      for (let i = 0; i < REPS; i++) base.push(await measureIdleAndBare(browser, server.url, url));
      const idleCpu = median(base.map((b) => b.idle.cpuMs));
      // Main-thread CPU time, as Backstory's is measured; the in-page figure where that is lost in
      // the harness's noise (a walk of well under a millisecond).
      const bareMs = median(base.map((b) => (b.bare.ms < 2 ? b.bare.ms : b.bareTrace.cpuMs - idleCpu)));
      const r = { idleCpuMs: idleCpu, bareMs, bare: base[0].bare, backstory: {}, naive: {}, oneRegex: {} };
      log(`[${elapsed()}] ${fx.id}: bare ${f0(bareMs)} ms (in page ${f0(median(base.map((b) => b.bare.ms)))} ms wall) over ${n0(base[0].bare.textNodes)} text nodes, ${n0(base[0].bare.chars)} chars; idle harness ${f0(idleCpu)} ms`);
      for (const size of SIZES) {
        const corpus = corpora.get(size);
        const runs = [await measureBackstory(browser, server.url, url, corpus)];
        const reps = runs[0].wallMs > SLOW_RUN_MS ? Math.min(REPS, 2) : REPS;
        while (runs.length < reps) runs.push(await measureBackstory(browser, server.url, url, corpus, { heap: false }));
        const pick = (f) => median(runs.map(f));
        const busy = pick((x) => Math.max(0, x.trace.cpuMs - idleCpu));
        const worst = runs.reduce((a, x) => (x.trace.longestMs > a.trace.longestMs ? x : a));
        r.backstory[size] = {
          reps: runs.length,
          busyMs: busy,
          extraMs: busy - bareMs,
          wallMs: pick((x) => x.wallMs),
          setupMs: pick((x) => x.setupMs),
          applyMs: pick((x) => x.applyMs),
          firstMarkMs: pick((x) => x.firstMarkMs),
          scanMeasureMs: pick((x) => x.scanMeasureMs),
          renderMs: pick((x) => x.trace.renderMs),
          longestMs: pick((x) => x.trace.longestMs),
          worstLongestMs: worst.trace.longestMs,
          longestKind: worst.trace.longestKind,
          slices: pick((x) => x.trace.slices),
          longestSliceMs: pick((x) => x.trace.longestSliceMs),
          over50: pick((x) => x.trace.over50),
          longTasks: { count: pick((x) => x.longTasks.count), maxMs: pick((x) => x.longTasks.maxMs) },
          marks: runs[0].marks,
          mentions: runs[0].mentions,
          heap: runs[0].heap,
          runs: runs.map((x) => ({ busy: x.trace.cpuMs - idleCpu, wallClockBusy: x.trace.wallMs, wall: x.wallMs, setup: x.setupMs, longest: x.trace.longestMs, slices: x.trace.slices })),
        };
        const b = r.backstory[size];
        log(`[${elapsed()}] ${fx.id} × ${size}: Backstory busy ${f0(b.busyMs)} ms (rendering ${f0(b.renderMs)}), wall ${f0(b.wallMs)}, setup ${f0(b.setupMs)}, longest task ${f0(b.worstLongestMs)} (${b.longestKind}), ${b.slices} slices (longest ${f0(b.longestSliceMs)}), ${b.marks} marks, ${runs.length} runs`);
        // On a page with thousands of mentions mark.js's wrapping takes minutes (it re-reads the
        // text for every match): left out there.
        if (!fx.manyMentions) r.oneRegex[size] = await measureNaiveOneRegex(browser, url, corpus);
      }
      const largest = corpora.get(max(SIZES));
      const naive = await measureNaive(browser, url, largest, SIZES.map((size) => corpora.get(size).aliases.length));
      for (const size of SIZES) r.naive[size] = naive.at[corpora.get(size).aliases.length];
      log(`[${elapsed()}] ${fx.id}: naive mark.js ${f0(naive.ms)} ms for ${naive.processed} of ${naive.total} aliases: ${SIZES.map((size) => `${size}: ${r.naive[size].measured ? '' : '≈'}${f0(r.naive[size].ms)}`).join(', ')}; one RegExp ${SIZES.map((size) => f0(r.oneRegex[size]?.ms)).join(', ')} ms`);
      results[fx.id] = r;
    }
    const blank = fixtures.find((f) => f.id === 'empty') ?? fixtures[0];
    for (const size of SIZES) {
      compile[size] = await measureCompile(browser, urlOf(blank), corpora.get(size));
      log(`[${elapsed()}] ${size} aliases: createMatcher ${f0(compile[size].createMs)} ms, first match ${f0(compile[size].compileOneByteMs)} / ${f0(compile[size].compileTwoByteMs)} ms`);
    }
    Object.assign(diag, await measureDiag(browser, fixtures.map((fx) => [fx.id, urlOf(fx)]), corpora.get(diagSize)));
    log(`[${elapsed()}] walk and match, ${diagSize} aliases: ${Object.entries(diag).map(([id, d]) => `${id} walk ${f0(d.runsMs)} +match ${f0(d.matchMs)}`).join(', ')}`);
  } finally {
    await browser.close();
  }
  try {
    ext = await measureExtension(fixtures, server.url, urlOf);
    log(`[${elapsed()}] extension: ${Object.entries(ext.scans).map(([id, s]) => `${id} scan ${f0(s.scanMs)} ms, longest task ${f0(s.trace?.longestMs)}`).join(', ')}; ${ext.hovers.length} hovers`);
  } finally {
    await server.close();
  }
  const meta = { source, fixtures, sizes: SIZES, diag, diagSize, compile, ext, realCount, machine: machine(), loadBefore, loadAfter: loadAverage() };
  const text = report(results, meta);
  const checks = targets(results, meta);
  console.log(`\n${text}\nTargets (${checks.filter((c) => c.pass).length} of ${checks.length} pass):\n${checks.map((c) => `  ${c.pass ? 'PASS' : 'FAIL'}  ${c.target}: ${c.detail}`).join('\n')}\n`);
  writeFileSync(join(OUT, 'results.json'), JSON.stringify({ meta: { ...meta, fixtures: fixtures.map(({ html: _html, make: _make, ...f }) => f) }, results, checks }, null, 2));
  const measured = readmeMeasured(text, checks);
  writeFileSync(join(OUT, 'results.md'), measured);
  if (WRITE_README) {
    writeReadme(measured);
    log('README.md: the measured part of "## Performance" rewritten');
  }
  log(`[${elapsed()}] done in ${elapsed()}; bench/.fixtures/results.json, results.md`);
}

main().catch((e) => {
  console.error(`\n✖ ${e.stack ?? e.message}\n`);
  process.exit(1);
});
