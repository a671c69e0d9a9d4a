// @vitest-environment happy-dom
// The tooltip host's lifecycle as a reader meets it: where the tooltip appears and what it shows
// while details load, when it closes (pointer gone, mention off screen, Escape), and where focus
// goes when the keyboard brought the reader in and out. Its pieces (frame, placement, focus return)
// are tested through it, and placement's one layout rule directly.
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageMention } from '../../src/content/mentions';
import { CLOSE_DELAY, createTooltipHost, type TooltipHost, type TooltipHostOptions } from '../../src/content/tooltip-host';
import { placeBeside } from '../../src/content/tooltip-place';
import type { TopicDetails, TopicHead } from '../../src/core/corpus-types';
import { mentionInNode } from '../support/mentions';

const HOKKAIDO: TopicHead = { id: 'hokkaido', name: 'Hokkaido', category: 'places' };
const detailsOf = (head: TopicHead) =>
  ({
    topic: { ...head, aliases: [head.name], summary: `About ${head.name}.`, facts: [] },
    category: { id: 'places', label: 'Places', color: '#2a6f97' },
    sources: {},
    corpusVersion: 'test',
  }) as TopicDetails;
/** A promise and its resolve and reject, for details that arrive when a test says. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let host: TooltipHost | null = null;
let shikotan: PageMention;
let hokkaido: PageMention;
let anchor: DOMRect | null;

beforeEach(() => {
  document.body.innerHTML = '<p>Shikotan and Hokkaido</p><button id="reader">where the reader was</button>';
  const text = document.querySelector('p')!.firstChild as Text;
  shikotan = mentionInNode(text, 0, 8);
  hokkaido = mentionInNode(text, 13, 21, HOKKAIDO);
  anchor = new DOMRect(40, 100, 60, 16);
});
afterEach(() => {
  host?.destroy();
  host = null;
  vi.useRealTimers();
});

function start(extra: Partial<TooltipHostOptions> = {}): TooltipHost {
  host = createTooltipHost({
    doc: document,
    rectOf: () => anchor,
    details: { load: async (id) => detailsOf(id === 'hokkaido' ? HOKKAIDO : shikotan.head) },
    ...extra,
  });
  return host;
}
const element = () => document.querySelector<HTMLElement>('[data-annotation-tooltip]');
const panel = () => element()?.shadowRoot?.querySelector<HTMLElement>('.panel') ?? null;
const title = () => panel()?.querySelector('h2')?.textContent ?? null;
const status = () => panel()?.querySelector('.status')?.textContent ?? null;
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const press = (key: string, target: EventTarget = document.activeElement ?? document) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(e);
  return e;
};

describe('the tooltip host', () => {
  it('opens beside its mention, outside <body>, saying it is loading, then shows the topic', async () => {
    const details = later<TopicDetails>();
    const t = start({ details: { load: () => details.promise } });
    await act(() => t.open(shikotan));
    expect(element()!.parentElement).toBe(document.documentElement);
    expect(document.body.contains(element())).toBe(false);
    expect(status()).not.toBeNull();
    expect(panel()!.classList.contains('open')).toBe(true);
    expect(panel()!.dataset.side).toBe('below');
    expect(panel()!.style.left).toBe('40px');
    details.resolve(detailsOf(shikotan.head));
    await settle();
    expect(title()).toBe('Shikotan');
    expect(t.current).toBe(shikotan);
  });

  it('opens with the topic in its first render when the details are loaded already, never showing it loading', async () => {
    const loaded = detailsOf(shikotan.head);
    const slow = later<TopicDetails>();
    let asked = 0;
    const t = start({
      details: {
        load: () => {
          asked++;
          return slow.promise;
        },
        loaded: (id) => (id === 'shikotan' ? loaded : undefined),
      },
    });
    // No await: what the first render shows is what the reader's first frame shows.
    t.open(shikotan);
    expect(title()).toBe('Shikotan');
    expect(status()).toBeNull();
    expect(asked).toBe(0);
    // Details not loaded yet still show the loading state first.
    await act(() => t.open(hokkaido));
    expect(status()).not.toBeNull();
    slow.resolve(detailsOf(HOKKAIDO));
    await settle();
    expect(title()).toBe('Hokkaido');
  });

  it('prepares a mention hidden while the intent delay runs, opens it as prepared, and never over an open one', async () => {
    vi.useFakeTimers();
    const loaded = new Map([
      ['shikotan', detailsOf(shikotan.head)],
      ['hokkaido', detailsOf(HOKKAIDO)],
    ]);
    const slow = later<TopicDetails>();
    // As the page's cache: details are at hand once their load has arrived.
    const arrive = (id: string, d: TopicDetails) => {
      loaded.set(id, d);
      return d;
    };
    const load = (id: string) => (loaded.has(id) ? Promise.resolve(loaded.get(id)!) : slow.promise.then((d) => arrive(id, d)));
    const t = start({ details: { load, loaded: (id) => loaded.get(id) } });
    t.prepare(shikotan);
    // Rendered, but not shown, not current: a reader sees nothing yet.
    expect(title()).toBe('Shikotan');
    expect(panel()!.classList.contains('open')).toBe(false);
    expect(t.current).toBeNull();
    t.open(shikotan);
    expect(panel()!.classList.contains('open')).toBe(true);
    expect(title()).toBe('Shikotan');
    // The pointer passing over another mention doesn't change the tooltip the reader has open.
    t.prepare(hokkaido);
    expect(title()).toBe('Shikotan');
    t.close();
    // Prepared, then the pointer left: what was prepared goes after the close delay.
    t.prepare(hokkaido);
    expect(title()).toBe('Hokkaido');
    t.scheduleClose();
    vi.advanceTimersByTime(CLOSE_DELAY + 1);
    expect(title()).toBeNull();
    // Details not loaded yet: prepared once they arrive (until then, opening says it is loading).
    loaded.delete('hokkaido');
    t.prepare(hokkaido);
    expect(title()).toBeNull();
    slow.resolve(detailsOf(HOKKAIDO));
    await vi.runAllTimersAsync();
    expect(title()).toBe('Hokkaido');
    expect(panel()!.classList.contains('open')).toBe(false);
  });

  it('says why when the details cannot be loaded', async () => {
    start({ details: { load: () => Promise.reject(new Error('The extension was updated')) } });
    await act(() => host!.open(shikotan));
    await settle();
    expect(status()).toContain('The extension was updated');
  });

  it('shows the mention it is on now, not an earlier one whose details arrived late', async () => {
    const slow = later<TopicDetails>();
    const t = start({ details: { load: (id) => (id === 'shikotan' ? slow.promise : Promise.resolve(detailsOf(HOKKAIDO))) } });
    await act(() => t.open(shikotan));
    await act(() => t.open(hokkaido));
    await settle();
    slow.resolve(detailsOf(shikotan.head));
    await settle();
    expect(title()).toBe('Hokkaido');
    expect(panel()!.textContent).toContain('About Hokkaido.');
    expect(panel()!.textContent).not.toContain('About Shikotan.');
  });

  it('closes once the close delay passed after the pointer left, unless it came back over the tooltip', async () => {
    vi.useFakeTimers();
    const onClose = vi.fn();
    const t = start({ onClose });
    await act(() => t.open(shikotan));
    t.scheduleClose();
    vi.advanceTimersByTime(CLOSE_DELAY - 50);
    panel()!.dispatchEvent(new MouseEvent('mouseenter'));
    vi.advanceTimersByTime(CLOSE_DELAY);
    expect(t.current).toBe(shikotan);
    panel()!.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(CLOSE_DELAY);
    expect(t.current).toBeNull();
    expect(panel()!.classList.contains('open')).toBe(false);
    expect(panel()!.childNodes).toHaveLength(0);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes when its mention scrolls out of view or leaves the page, leaving focus where it is', async () => {
    const reader = document.getElementById('reader')!;
    const t = start();
    await act(() => t.open(shikotan, { returnFocus: reader }));
    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    elsewhere.focus();
    anchor = new DOMRect(40, -100, 60, 16);
    window.dispatchEvent(new Event('scroll'));
    expect(t.current).toBeNull();
    expect(document.activeElement).toBe(elsewhere);
    anchor = new DOMRect(40, 100, 60, 16);
    await act(() => t.open(shikotan));
    anchor = null;
    window.dispatchEvent(new Event('resize'));
    expect(t.current).toBeNull();
  });

  it('is made again when the page removed it', async () => {
    const t = start();
    await act(() => t.open(shikotan));
    element()!.remove();
    t.close();
    await act(() => t.open(hokkaido));
    expect(element()).not.toBeNull();
    expect(t.element).toBe(element());
  });
});

describe('the tooltip host and the keyboard', () => {
  it('opened from the keyboard takes focus; Escape closes it and hands focus back where the reader was', async () => {
    const reader = document.getElementById('reader')!;
    const t = start();
    await act(() => t.open(shikotan, { focus: true, returnFocus: reader }));
    expect(t.hasFocus()).toBe(true);
    // The focus handed back must not open a tooltip again: the host says it is handing it back.
    let seenAsHandBack: boolean | null = null;
    reader.addEventListener('focus', () => (seenAsHandBack = t.restoringFocus));
    press('Escape');
    expect(t.current).toBeNull();
    expect(document.activeElement).toBe(reader);
    expect(seenAsHandBack).toBe(true);
    expect(t.restoringFocus).toBe(false);
  });

  it('hands focus to the mention’s mark when the place the reader was has gone', async () => {
    const reader = document.getElementById('reader')!;
    const mark = document.createElement('mark');
    mark.tabIndex = 0;
    document.querySelector('p')!.append(mark);
    const t = start();
    await act(() => t.open(shikotan, { focus: true, returnFocus: reader, anchorElement: mark }));
    reader.remove();
    press('Escape');
    expect(document.activeElement).toBe(mark);
  });

  it('moves into the tooltip on Enter from the mention’s focused mark', async () => {
    const mark = document.createElement('mark');
    mark.tabIndex = 0;
    document.querySelector('p')!.append(mark);
    const t = start();
    await act(() => t.open(shikotan, { anchorElement: mark }));
    mark.focus();
    const enter = press('Enter', mark);
    expect(enter.defaultPrevented).toBe(true);
    expect(t.hasFocus()).toBe(true);
  });

  it('opened by the pointer, closes on Escape leaving focus where it is', async () => {
    const reader = document.getElementById('reader')!;
    reader.focus();
    const t = start();
    await act(() => t.open(shikotan));
    press('Escape');
    expect(t.current).toBeNull();
    expect(document.activeElement).toBe(reader);
  });
});

describe('placing the tooltip', () => {
  function panelOfHeight(height: number): HTMLElement {
    const p = document.createElement('div');
    // Laid out at its natural height, unless a max-height caps it.
    Object.defineProperty(p, 'offsetHeight', { get: () => (p.style.maxHeight ? Math.min(height, Number.parseFloat(p.style.maxHeight)) : height) });
    Object.defineProperty(p, 'offsetWidth', { get: () => 300 });
    return p;
  }

  it('caps a tooltip taller than the room beside its mention, and measures it whole again the next time', () => {
    const tall = panelOfHeight(2000);
    expect(placeBeside(tall, new DOMRect(40, 100, 60, 16), window)).toBe(true);
    const capped = Number.parseFloat(tall.style.maxHeight);
    expect(capped).toBeLessThan(window.innerHeight);
    // Scrolled so the mention sits higher: more room below, and the cap grows with it.
    expect(placeBeside(tall, new DOMRect(40, 20, 60, 16), window)).toBe(true);
    expect(Number.parseFloat(tall.style.maxHeight)).toBeGreaterThan(capped);
  });

  it('places nothing for a mention above or below the viewport', () => {
    const p = panelOfHeight(100);
    expect(placeBeside(p, new DOMRect(40, -40, 60, 16), window)).toBe(false);
    expect(placeBeside(p, new DOMRect(40, window.innerHeight + 1, 60, 16), window)).toBe(false);
    expect(p.classList.contains('open')).toBe(false);
  });
});
