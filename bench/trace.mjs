// Reading Chrome traces: which main-thread tasks of a page load are an extension's, and what they
// cost.
//
// Attribution (what Backstory is charged for):
//
// 1. Script tasks. Every top-level task on the page's renderer main thread
//    (RunTask) that contains a script event whose URL is the extension's
//    (chrome-extension://…): 'EvaluateScript' / 'v8.compile' (the content script's injection and
//    compilation, which also creates its isolated world), 'FunctionCall' (its timers,
//    MessageChannel slices, event listeners, animation-frame callbacks, extension-message
//    callbacks) and 'v8.compileModule' / 'v8.evaluateModule' (the lazy modules, under Chromium's
//    dynamic per-session chrome-extension:// address). The whole task is charged, its microtasks
//    and any style/layout its code forces synchronously included. On the bench's pages there is
//    no page script, so no task mixes the page's code with the extension's; an extension
//    messaging callback the bindings run without a FunctionCall into the content script's own
//    file would be missed (small: a settings read).
//    Also every task, once the content script has run, that mostly runs microtasks (its
//    'BlinkScheduler_PerformMicrotaskCheckpoint's take at least half of it) with no page script,
//    no other script (the bench's own evaluations arrive as DevTools messages) and no rendering: the bench's pages have no script, so those are the content script's promise
//    continuations (`await` of a lazy module resolves in such a task, with no event that names
//    the script).
// 2. Rendering it causes. The bench pages are static: once parsed and painted they produce no
//    frame by themselves. So a rendering task (a BeginMainFrame: style, layout, pre-paint, paint,
//    layerize, commit) is charged to the extension when, since the previous rendering task, an
//    extension task ran and nothing of the page's did (no HTML parsing, no script from an http(s)
//    URL, nothing the bench itself ran through DevTools). With both, the frame is left to the
//    page: attribution errs towards the page. Painting
//    highlights changes no layout, so a frame that lays out what the page parsed (the first frame
//    with a Layout after the page's last HTML parsing) is the page's too, even when the content
//    script ran in between (document_idle can come before a big page's deferred layout). The same
//    rule applied to the empty content script's loads is the control: it shows what the rule
//    charges a script that paints nothing.
//
// Everything is the thread's CPU time (tdur), not wall-clock time, so other processes busy on the
// 2-core machine don't inflate it. Tasks of the extension's background service worker run in
// another process and aren't counted: the page doesn't wait for them.

/**
 * A top-level task: the scheduler's RunTask (which also wraps tasks outside the thread controller,
 * such as a dynamic import's microtasks), or the controller's own where no RunTask wraps it.
 */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'FunctionCall',
  'v8.compileModule',
  'v8.evaluateModule',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
]);
const RENDER_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'AnimationFrame::Render', 'UpdateLayer']);
const LAYOUT_EVENTS = new Set(['UpdateLayoutTree', 'Layout']);
/** The phases of a frame, none nested in another. */
const PHASES = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
export const EXTENSION_PREFIX = 'chrome-extension://';
const MICROTASKS = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** A microtask checkpoint shorter than this runs nothing worth charging (every task ends with one). */
const MICROTASK_MIN_MS = 0.1;
/** A task is a microtask task when its checkpoints take at least this share of it. */
const MICROTASK_SHARE = 0.5;

/**
 * A task whose work is running microtasks (and nothing of the page's, no rendering): on the
 * bench's script-less pages, the content script's promise continuations.
 */
const isMicrotaskTask = (t) => !t.page && !t.render && !t.foreign && t.microtaskMs >= MICROTASK_MIN_MS && t.microtaskMs >= MICROTASK_SHARE * t.wallMs;
/** A message from DevTools (the bench's page.evaluate and waitForFunction arrive so). */
const isDevTools = (e) => (e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '').startsWith('blink.mojom.DevTools');

const urlOf = (e) => {
  const d = e.args?.data;
  return typeof d?.url === 'string' ? d.url : '';
};

export function parseTrace(buffer) {
  return Array.isArray(buffer) ? buffer : (JSON.parse(buffer.toString('utf8')).traceEvents ?? []);
}

/** The renderer main thread that parsed `pageUrl`. */
function mainThreadOf(events, pageUrl) {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (!parse) throw new Error(`no ParseHTML of ${pageUrl} in the trace`);
  return { pid: parse.pid, tid: parse.tid };
}

/**
 * Top-level tasks of one thread, each with what ran inside it: whether it ran the extension's
 * script, the page's work, and rendering.
 */
function tasksOf(events, { pid, tid }) {
  const onThread = events
    .filter((e) => e.pid === pid && e.tid === tid && (e.ph === 'X' || e.ph === 'R' || e.ph === 'I' || e.ph === 'b' || e.ph === 'n'))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = [];
  let current = null;
  for (const e of onThread) {
    if (e.ph === 'X' && TASKS.has(e.name) && typeof e.dur === 'number' && (!current || e.ts >= current.end)) {
      current = {
        ts: e.ts,
        end: e.ts + e.dur,
        cpuMs: (typeof e.tdur === 'number' ? e.tdur : e.dur) / 1000,
        wallMs: e.dur / 1000,
        src: e.args?.src_func ?? '',
        ext: false,
        page: false,
        microtaskMs: 0,
        foreign: false,
        devtools: false,
        render: false,
        paint: false,
        layoutMs: 0,
        children: [],
      };
      tasks.push(current);
      continue;
    }
    if (!current || e.ts > current.end) continue;
    current.children.push(e);
    if (e.name === 'ThreadControllerImpl::RunTask') current.src ||= e.args?.src_func ?? '';
    const url = urlOf(e);
    if (SCRIPT_EVENTS.has(e.name) && url.startsWith(EXTENSION_PREFIX)) current.ext = true;
    // The bench's own evaluations arrive as DevTools messages: neither the page's nor ours.
    if (isDevTools(e)) current.devtools = true;
    // Script that isn't the extension's: a microtask task with it is not the content script's.
    if ((SCRIPT_EVENTS.has(e.name) && !url.startsWith(EXTENSION_PREFIX)) || isDevTools(e)) current.foreign = true;
    if (e.name === 'ParseHTML' || (SCRIPT_EVENTS.has(e.name) && /^https?:/.test(url))) current.page = true;
    if (e.name === MICROTASKS && e.ph === 'X') current.microtaskMs += (e.dur ?? 0) / 1000;
    if (RENDER_EVENTS.has(e.name)) current.render = true;
    if (e.name === 'Paint') current.paint = true;
    if (LAYOUT_EVENTS.has(e.name) && e.ph === 'X') current.layoutMs += (e.tdur ?? e.dur ?? 0) / 1000;
  }
  for (const t of tasks) if (t.src === 'ScheduledActionSendBeginMainFrame') t.render = true;
  return tasks;
}

/**
 * One page load with an extension: the tasks charged to it (see the top of the file), from the
 * trace of the whole load. Returns CPU milliseconds and when its first highlights were painted.
 */
export function analyzeLoad(buffer, pageUrl) {
  const events = parseTrace(buffer);
  const thread = mainThreadOf(events, pageUrl);
  const tasks = tasksOf(events, thread);
  const nav = events
    .filter((e) => e.name === 'navigationStart' && e.pid === thread.pid && e.args?.data?.documentLoaderURL === pageUrl)
    .sort((a, b) => b.ts - a.ts)[0];
  const navTs = nav?.ts ?? tasks[0]?.ts ?? 0;
  const charged = [];
  let since = null; // what dirtied the page since the last frame: 'ext', 'page' or null
  let pageFrameMax = 0;
  let parsedNotLaidOut = false;
  let started = false;
  for (const t of tasks) {
    if (t.children.some((c) => c.name === 'ParseHTML')) parsedNotLaidOut = true;
    const laysOut = t.children.some((c) => c.name === 'Layout');
    if (t.ext) started = true;
    if (t.ext || (started && isMicrotaskTask(t))) {
      if (laysOut) parsedNotLaidOut = false;
      t.kind = t.render ? 'frame with our script' : 'script';
      charged.push(t);
      since = t.page ? 'page' : since === 'page' ? 'page' : 'ext';
      if (t.render) since = null;
      continue;
    }
    // What the bench itself runs in the page (a script tag for the bare pass, its evaluations)
    // dirties the page as the page's own script would: the frame after it isn't ours.
    if (t.page || t.devtools) since = 'page';
    if (t.render) {
      const pagesLayout = parsedNotLaidOut && laysOut;
      if (laysOut) parsedNotLaidOut = false;
      if (since === 'ext' && !pagesLayout) {
        t.kind = 'rendering';
        charged.push(t);
      } else {
        pageFrameMax = Math.max(pageFrameMax, t.cpuMs);
      }
      since = null;
    }
  }
  const scripts = charged.filter((t) => t.kind !== 'rendering');
  const frames = charged.filter((t) => t.kind === 'rendering');
  const sum = (ts) => ts.reduce((s, t) => s + t.cpuMs, 0);
  const longest = charged.reduce((a, t) => (!a || t.cpuMs > a.cpuMs ? t : a), null);
  const evaluate = tasks.find((t) => t.ext && t.children.some((c) => c.name === 'EvaluateScript' && urlOf(c).startsWith(EXTENSION_PREFIX)));
  const firstPaint = frames.find((t) => t.paint);
  return {
    pid: thread.pid,
    ms: sum(charged),
    scriptMs: sum(scripts),
    renderMs: sum(frames),
    renderFrames: frames.length,
    renderLayoutMs: frames.reduce((s, t) => s + t.layoutMs, 0),
    longestRenderMs: frames.reduce((m, t) => Math.max(m, t.cpuMs), 0),
    tasks: charged.length,
    longestMs: longest?.cpuMs ?? 0,
    longestKind: longest?.kind ?? '',
    over50: charged.filter((t) => t.cpuMs > 50).length,
    evaluateMs: evaluate?.cpuMs ?? null,
    scriptStartMs: evaluate ? (evaluate.ts - navTs) / 1000 : null,
    /** End of the first charged frame that painted, from navigation start (wall). */
    firstPaintMs: firstPaint ? (firstPaint.end - navTs) / 1000 : null,
    /** The page's own longest rendering frame in the same load: "one frame's layout". */
    pageFrameMaxMs: pageFrameMax,
    windowMs: charged.length ? (charged[charged.length - 1].end - charged[0].ts) / 1000 : 0,
    charged: charged.map((t) => ({ atMs: (t.ts - navTs) / 1000, cpuMs: t.cpuMs, wallMs: t.wallMs, kind: t.kind, layoutMs: t.layoutMs })),
  };
}

/** The task that ran the bare pass (between its performance marks): its CPU time. */
export function analyzeBare(buffer, pageUrl) {
  const events = parseTrace(buffer);
  const thread = mainThreadOf(events, pageUrl);
  const mark = events.find((e) => e.name === 'bench:bare:start' && e.pid === thread.pid);
  if (!mark) return null;
  const task = tasksOf(events, thread).find((t) => t.ts <= mark.ts && t.end >= mark.ts);
  return task ? task.cpuMs : null;
}

/**
 * Where the charged time goes, from a trace recorded with 'disabled-by-default-v8.cpu_profiler':
 * self time of the samples taken inside charged tasks, by function (the extension's own, named
 * with its source file from the unminified bundle's `// src/...` comments; natives by name, with
 * the extension's function that called them), and the rendering of charged frames by phase.
 */
export function profileLoad(buffer, pageUrl, bundles, topN = 10) {
  const events = parseTrace(buffer);
  const thread = mainThreadOf(events, pageUrl);
  const tasks = tasksOf(events, thread);
  const load = analyzeLoad(events, pageUrl);
  const windows = [];
  const chargedSet = new Set(load.charged.map((c) => c.atMs));
  const navTs =
    events
      .filter((e) => e.name === 'navigationStart' && e.pid === thread.pid && e.args?.data?.documentLoaderURL === pageUrl)
      .sort((a, b) => b.ts - a.ts)[0]?.ts ?? 0;
  // Script tasks only: charged frames are broken down by rendering phase below.
  const frameSet = new Set(load.charged.filter((c) => c.kind === 'rendering').map((c) => c.atMs));
  for (const t of tasks) if (chargedSet.has((t.ts - navTs) / 1000) && !frameSet.has((t.ts - navTs) / 1000)) windows.push(t);
  // Module of each line of each unminified bundle (bundles: file name → text, e.g. 'content.js').
  const modulesOf = new Map();
  for (const [file, text] of Object.entries(bundles)) {
    const moduleAt = [];
    let module = '(bundle)';
    for (const line of text.split('\n')) {
      const m = /^\s*\/\/ (src\/\S+|node_modules\/\S+|build\/\S+)/.exec(line);
      if (m) module = m[1];
      moduleAt.push(module);
    }
    modulesOf.set(file, moduleAt);
  }
  const moduleOf = (frame) => {
    const file = Object.keys(bundles).find((f) => frame.url.split('?')[0].endsWith(`/${f}`));
    return (file && modulesOf.get(file)[frame.lineNumber]) ?? '?';
  };
  // Profile nodes and samples (the profiler thread's chunks carry the sampled thread's pid).
  const profiles = new Map();
  for (const e of events) {
    if (e.pid !== thread.pid || (e.name !== 'Profile' && e.name !== 'ProfileChunk')) continue;
    const id = e.id;
    let p = profiles.get(id);
    if (!p) profiles.set(id, (p = { start: 0, nodes: new Map(), samples: [], deltas: [] }));
    const d = e.args?.data ?? {};
    if (e.name === 'Profile') p.start = d.startTime ?? e.ts;
    for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(d.cpuProfile?.samples ?? []));
    p.deltas.push(...(d.timeDeltas ?? []));
  }
  const selfMs = new Map();
  const phases = new Map();
  let sampled = 0;
  for (const p of profiles.values()) {
    let ts = p.start;
    const label = (id) => {
      let n = p.nodes.get(id);
      const leaf = n;
      const leafName = leaf?.callFrame?.functionName || '(anonymous)';
      const leafUrl = leaf?.callFrame?.url ?? '';
      if (leafUrl.startsWith(EXTENSION_PREFIX)) return `${leafName} (${moduleOf(leaf.callFrame)})`;
      // A native or page frame: name it with the nearest extension function above it.
      while (n && !(n.callFrame?.url ?? '').startsWith(EXTENSION_PREFIX)) n = p.nodes.get(n.parent);
      const caller = n ? `${n.callFrame.functionName || '(anonymous)'} (${moduleOf(n.callFrame)})` : null;
      return caller ? `[${leafName}] under ${caller}` : `[${leafName}]`;
    };
    for (let i = 0; i < p.samples.length; i++) {
      const dt = p.deltas[i] ?? 0;
      ts += dt;
      // A sample stands for the time since the one before it (wall-clock; shares are what count).
      const next = dt / 1000;
      if (!windows.some((w) => ts >= w.ts && ts <= w.end)) continue;
      const key = label(p.samples[i]);
      selfMs.set(key, (selfMs.get(key) ?? 0) + next);
      sampled += next;
    }
  }
  for (const t of tasks) {
    if (!frameSet.has((t.ts - navTs) / 1000)) continue;
    let until = 0;
    for (const c of t.children) {
      if (c.ph !== 'X' || !PHASES.has(c.name) || c.ts < until) continue;
      until = c.ts + (c.dur ?? 0);
      phases.set(c.name, (phases.get(c.name) ?? 0) + (c.tdur ?? c.dur ?? 0) / 1000);
    }
  }
  const top = [...selfMs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([fn, ms]) => ({ fn, ms, share: ms / Math.max(sampled, 1e-9) }));
  return { load, sampledMs: sampled, top, renderPhases: [...phases].sort((a, b) => b[1] - a[1]).map(([phase, ms]) => ({ phase, ms })) };
}
