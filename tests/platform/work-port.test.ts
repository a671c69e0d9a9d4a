// A page's bulk work for the background over one port (work-port.ts): each answer reaches the
// request it was asked under, whatever the order; a background that goes away, a port that can't
// be opened or can't carry a message, and an answer that never comes each fail only what was asked
// (the page then does without); the port closes when idle and opens again on the next request.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../src/core/messages';
import { ANSWER_TIMEOUT_MS } from '../../src/core/answer-time';
import { serveWork, WORK_PORT_IDLE_MS, type WorkPort, workClient } from '../../src/platform/work-port';

/** Two ends of a port, delivering each message a task later, as the browser does. */
function portPair() {
  const ends = [0, 1].map(() => ({ onMessage: new Set<(m: unknown) => void>(), onDisconnect: new Set<() => void>(), open: true }));
  const end = (me: 0 | 1): WorkPort & { posted: unknown[] } => {
    const other = ends[1 - me]!;
    const posted: unknown[] = [];
    return {
      posted,
      postMessage(m) {
        if (!ends[me]!.open) throw new Error('Attempting to use a disconnected port object');
        posted.push(m);
        const copy = structuredClone(m);
        setTimeout(() => other.open && other.onMessage.forEach((f) => f(copy)), 0);
      },
      disconnect() {
        ends[me]!.open = false;
        if (other.open) {
          other.open = false;
          setTimeout(() => other.onDisconnect.forEach((f) => f()), 0);
        }
      },
      onMessage: { addListener: (f) => void ends[me]!.onMessage.add(f) },
      onDisconnect: { addListener: (f) => void ends[me]!.onDisconnect.add(f) },
    };
  };
  return { page: end(0), background: end(1) };
}

const find = (text: string): Message => ({ type: 'match:find', payload: { text, title: '' } });

/** A page's client over ports served by `answer`; counts the ports opened. */
function connected(answer: (m: Message) => Promise<unknown> | undefined) {
  const opened: ReturnType<typeof portPair>[] = [];
  const client = workClient(() => {
    const pair = portPair();
    serveWork(pair.background, answer);
    opened.push(pair);
    return pair.page;
  });
  return { client, opened };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the work port', () => {
  it('hands each answer to its own request, answered out of order, over one port', async () => {
    const { client, opened } = connected(async (m) => {
      const text = (m.payload as { text: string }).text;
      // The longer text is answered later.
      await new Promise((r) => setTimeout(r, text.length));
      return { mentions: [], lookalikes: [], echo: text };
    });
    const asked = ['a long batch of text', 'short'].map((t) => client.ask(find(t)));
    await vi.runAllTimersAsync();
    expect(await Promise.all(asked)).toEqual([
      { mentions: [], lookalikes: [], echo: 'a long batch of text' },
      { mentions: [], lookalikes: [], echo: 'short' },
    ]);
    expect(opened).toHaveLength(1);
  });

  it('fails a request whose handler fails or doesn’t exist, and answers the next', async () => {
    const { client } = connected((m) => {
      if (m.type !== 'match:find') return undefined;
      return m.payload.text === 'bad' ? Promise.reject(new Error('no')) : Promise.resolve('found');
    });
    const settled = Promise.allSettled([
      client.ask(find('bad')),
      client.ask({ type: 'claims:check', payload: { runs: [], claims: {}, events: [] } }),
      client.ask(find('good')),
    ]);
    await vi.runAllTimersAsync();
    expect((await settled).map((r) => (r.status === 'fulfilled' ? r.value : r.status))).toEqual(['rejected', 'rejected', 'found']);
  });

  it('fails what waits when the background goes away, and opens a new port for the next request', async () => {
    const { client, opened } = connected(() => new Promise(() => undefined));
    const waiting = client.ask(find('never answered')).catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(1);
    opened[0]!.background.disconnect();
    await vi.advanceTimersByTimeAsync(1);
    expect(await waiting).toBe('the background went away');
    void client.ask(find('again')).catch(() => undefined);
    expect(opened).toHaveLength(2);
  });

  it('fails at once when the port can’t be opened (the extension reloaded under the page)', async () => {
    const client = workClient(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(client.ask(find('x'))).rejects.toThrow('Extension context invalidated.');
  });

  it('closes the port once idle, so the background may sleep, and reopens it on need', async () => {
    const { client, opened } = connected(async () => ({ mentions: [], lookalikes: [] }));
    const first = client.ask(find('one'));
    await vi.advanceTimersByTimeAsync(5);
    await first;
    await vi.advanceTimersByTimeAsync(WORK_PORT_IDLE_MS - 100);
    // Asked again before the port went idle: the same port.
    const second = client.ask(find('two'));
    await vi.advanceTimersByTimeAsync(5);
    await second;
    expect(opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(WORK_PORT_IDLE_MS + 10);
    expect(opened[0]!.page.posted).toHaveLength(2);
    const third = client.ask(find('three'));
    await vi.advanceTimersByTimeAsync(5);
    await third;
    expect(opened).toHaveLength(2);
  });

  it('never closes the port under a request, whatever stray answers came before', async () => {
    const { client, opened } = connected(async (m) => {
      // Longer than the port stays idle, within the time an answer may take.
      if (m.type === 'match:find' && m.payload.text === 'slow') await new Promise((r) => setTimeout(r, (WORK_PORT_IDLE_MS + ANSWER_TIMEOUT_MS) / 2));
      return 'done';
    });
    await Promise.all([client.ask(find('one')), vi.advanceTimersByTimeAsync(5)]);
    // An answer under a number nobody waits for (a duplicate, a late one).
    opened[0]!.background.postMessage({ id: 99, ok: true, response: 'stray' });
    await vi.advanceTimersByTimeAsync(5);
    const slow = client.ask(find('slow'));
    await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS - 10);
    expect(await slow).toBe('done');
    expect(opened).toHaveLength(1);
  });

  it('takes a background that doesn’t answer in time for hung: fails what waits, drops the port, opens another', async () => {
    let answering = false;
    const { client, opened } = connected(() => (answering ? Promise.resolve('answered') : new Promise(() => undefined)));
    const hung = [client.ask(find('a')), client.ask(find('b'))].map((p) => p.catch((e: Error) => e.message));
    await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS + 1);
    expect(await Promise.all(hung)).toEqual([`no answer within ${ANSWER_TIMEOUT_MS} ms`, `no answer within ${ANSWER_TIMEOUT_MS} ms`]);
    answering = true;
    const next = client.ask(find('c'));
    await vi.advanceTimersByTimeAsync(5);
    expect(await next).toBe('answered');
    expect(opened).toHaveLength(2);
  });

  it('closes its port while the page is hidden and asks what waits again, on a new port, once it is shown', async () => {
    const { client, opened } = connected(async (m) => (m.type === 'match:find' ? `found in ${m.payload.text}` : null));
    // Asked as the reader follows a link: the answer can't come back before the page is cached.
    const inFlight = client.ask(find('in flight'));
    client.suspend();
    // Asked while hidden (a page's pagehide work): held, not posted on a port Chromium would drop.
    const whileHidden = client.ask(find('while hidden'));
    await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS * 2);
    expect(opened).toHaveLength(1);
    client.resume();
    await vi.advanceTimersByTimeAsync(5);
    expect(await Promise.all([inFlight, whileHidden])).toEqual(['found in in flight', 'found in while hidden']);
    expect(opened).toHaveLength(2);
    expect(opened.map((o) => o.page.posted.length)).toEqual([1, 2]);
  });

  it('answers only work messages with a number, ignoring whatever else a page puts on the port', async () => {
    const answered: unknown[] = [];
    const pair = portPair();
    serveWork(pair.background, async () => 'answer');
    pair.page.onMessage.addListener((m) => answered.push(m));
    for (const junk of [null, 'text', { id: 1 }, { id: 'x', type: 'match:find', payload: {} }, { id: 2, type: 'counts:report', payload: {} }])
      pair.page.postMessage(junk);
    pair.page.postMessage({ id: 3, type: 'match:find', payload: { text: 'x' } });
    await vi.runAllTimersAsync();
    expect(answered).toEqual([{ id: 3, ok: true, response: 'answer' }]);
  });
});

describe('the content script’s messages to the background', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('go over the work port for the page’s text and statements, by sendMessage for the rest', async () => {
    const { contentApi } = await import('../../src/platform/content-api');
    const names: string[] = [];
    const sent: unknown[] = [];
    vi.stubGlobal('browser', {
      runtime: {
        id: 'test',
        getURL: (p: string) => p,
        sendMessage: async (m: unknown) => void sent.push(m),
        connect: ({ name }: { name: string }) => {
          names.push(name);
          const pair = portPair();
          serveWork(pair.background, async (m) => `answered ${m.type}`);
          return pair.page;
        },
      },
    });
    const asked = Promise.all([
      contentApi.send('match:find', { text: 'Shikotan', title: '' }),
      contentApi.send('claims:check', { runs: [], claims: {}, events: [] }),
      contentApi.send('details:get', { topicId: 'shikotan' }),
    ]);
    await vi.runAllTimersAsync();
    expect(await asked).toEqual(['answered match:find', 'answered claims:check', undefined]);
    expect(names).toEqual(['backstory:work']);
    expect(sent).toEqual([{ type: 'details:get', payload: { topicId: 'shikotan' } }]);
  });
});
