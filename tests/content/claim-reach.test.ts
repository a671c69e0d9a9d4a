// @vitest-environment happy-dom
// Statements wait for the reader (highlight mode): those near the reader when a scan ends are
// checked with it, the rest as the reader comes near them, all of them when asked (the popup's
// survey, the page report); text the page changed meanwhile is checked as it reads now, once.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script
import { compileCorpus } from '../../build.mjs';
import type { Annotator } from '../../src/content/annotator';
import type { Reach } from '../../src/content/reach';
import type { CompiledIndex } from '../../src/core/corpus-types';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { installHighlightApi, testAnnotator } from '../support/content';
import { MUTATION_BATCH_MS } from '../../src/content/page-watcher';

let index: CompiledIndex;
beforeAll(async () => {
  index = (await compileCorpus()).index;
});

/** A reader the test moves: `report` says which watched elements came near. */
function testReader() {
  let onReport: ((near: Element[]) => void) | null = null;
  const watched = new Set<Element>();
  let watches = 0;
  const unwatched: Element[] = [];
  const reach: Reach = (callback) => {
    onReport = callback;
    return {
      watch: (el) => {
        watches++;
        const fresh = !watched.has(el);
        watched.add(el);
        return fresh;
      },
      unwatch: (el) => {
        unwatched.push(el);
        watched.delete(el);
      },
      stop: () => {
        watched.clear();
        onReport = null;
      },
    };
  };
  const report = (...els: Element[]) => {
    for (const el of els) watched.delete(el);
    onReport?.(els.filter(Boolean));
  };
  return { reach, watched, report, watching: () => onReport !== null, watches: () => watches, unwatched };
}

const WRONG = 'At the UN, ES-11/1 was supported by 143 member states.';
const RIGHT = 'At the UN, ES-11/1 was supported by 141 member states.';
const byId = (id: string) => document.getElementById(id)!;
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok(), String(ok)).toBe(true);
};

let annotator: Annotator;
let controller: AbortController;
let reader: ReturnType<typeof testReader>;
let uninstall: () => void;

function start(settings: Settings): Promise<void> {
  document.title = 'Japan and Russia at the UN';
  document.body.innerHTML = `<p id="near">${WRONG}</p><p id="far">${WRONG}</p>`;
  controller = new AbortController();
  reader = testReader();
  annotator = testAnnotator(index, { signal: controller.signal, reach: reader.reach });
  return annotator.apply(settings, true);
}

/** Both paragraphs' statements checked, each once. */
const BOTH_CONFLICT = [
  ['near', '143', 'conflict'],
  ['far', '143', 'conflict'],
];

/** Checked statements as [paragraph, statement, verdict], in reading order. */
const checked = () => annotator.checks().map((m) => [m.start.node.parentElement?.id, m.text, m.check?.verdict]);

describe('statements waiting for the reader (highlights)', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, paintMode: 'highlights' };
  beforeEach(() => {
    uninstall = installHighlightApi();
  });
  afterEach(() => {
    controller.abort();
    uninstall();
  });

  /** Starts the page; the reader is near the first paragraph when the scan asks. */
  async function open(): Promise<void> {
    const ready = start(settings);
    await until(() => reader.watched.size === 2);
    reader.report(byId('near'));
    await ready;
  }

  it('checks the statements near the reader with the scan, and each other one once the reader comes near it', async () => {
    await open();
    expect(checked()).toEqual([['near', '143', 'conflict']]);
    reader.report(byId('far'));
    await until(() => checked().length === 2);
    expect(checked()).toEqual(BOTH_CONFLICT);
  });

  it('checks every statement still waiting when asked (the popup, the page report), and none twice', async () => {
    await open();
    await annotator.checkAll();
    expect(checked()).toEqual(BOTH_CONFLICT);
    reader.report(byId('far'));
    await annotator.checkAll();
    expect(checked()).toHaveLength(2);
  });

  it('checks a statement the page rewrote before the reader came near as it reads now, once', async () => {
    await open();
    const watches = reader.watches();
    (byId('far').firstChild as Text).data = RIGHT;
    // Near before the page's change is read again: the statement read before isn't checked.
    reader.report(byId('far'));
    // The page's change is read again, and its statement waits for the reader in turn (in place
    // of the one read before): the reader is near it when that scan asks.
    await until(() => reader.watches() > watches);
    reader.report(byId('far'));
    await until(() => checked().length === 2);
    await annotator.checkAll();
    expect(checked()).toEqual([
      ['near', '143', 'conflict'],
      ['far', '141', 'agrees'],
    ]);
  });

  it('shows a waiting statement once when the page adds text in front of it before the reader comes near', async () => {
    await open();
    const watches = reader.watches();
    const label = document.createElement('span');
    label.textContent = 'Update: ';
    byId('far').prepend(label);
    await until(() => reader.watches() > watches);
    reader.report(byId('far'));
    await until(() => checked().length === 2);
    await annotator.checkAll();
    expect(checked()).toEqual(BOTH_CONFLICT);
    expect(annotator.counts().conflicts).toBe(2);
  });

  it('shows a statement once when the popup asks for every one while a rescan of its block is queued', async () => {
    await open();
    let watches = reader.watches();
    byId('near').append(' Japan.');
    await until(() => reader.watches() > watches);
    byId('far').append(' More to follow.');
    await new Promise((r) => setTimeout(r, MUTATION_BATCH_MS * 2));
    const all = annotator.checkAll();
    watches = reader.watches();
    reader.report(byId('near'));
    await until(() => reader.watches() > watches);
    reader.report(byId('far'));
    await all;
    // Everything queued (the far paragraph read again, the reader near it) is done before the report.
    await annotator.checkAll();
    expect(checked()).toEqual(BOTH_CONFLICT);
  });

  it('keeps one statement per block the page keeps rewriting, and lets go of a block it removed', async () => {
    await open();
    const far = byId('far');
    for (let i = 0; i < 20; i++) {
      const watches = reader.watches();
      far.textContent = WRONG.replace('143', String(150 + i));
      await until(() => reader.watches() > watches);
    }
    reader.report(far);
    await until(() => checked().length === 2);
    await annotator.checkAll();
    expect(checked()).toEqual([
      ['near', '143', 'conflict'],
      ['far', '169', 'conflict'],
    ]);
    // A block the page removed is no longer watched once the next scan holds statements.
    document.body.insertAdjacentHTML('beforeend', `<p id="gone">${WRONG}</p>`);
    await until(() => reader.watched.has(byId('gone')));
    reader.report();
    const gone = byId('gone');
    gone.remove();
    document.body.insertAdjacentHTML('beforeend', `<p id="later">${WRONG}</p>`);
    await until(() => reader.unwatched.includes(gone));
  });

  it('drops the statements waiting and stops watching the reader when switched off', async () => {
    await open();
    await annotator.apply(settings, false);
    expect(reader.watching()).toBe(false);
    await annotator.checkAll();
    expect(checked()).toEqual([]);
  });
});

describe('statements in mark mode', () => {
  afterEach(() => controller.abort());

  it('are all checked as the scan ends: marks cut the text nodes a waiting statement would be read from', async () => {
    await start({ ...DEFAULT_SETTINGS, paintMode: 'marks' });
    expect(reader.watched.size).toBe(0);
    expect(checked()).toEqual(BOTH_CONFLICT);
  });
});
