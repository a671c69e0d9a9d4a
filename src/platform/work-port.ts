// A content script's bulk work for the background (WORK_MESSAGES: its text searched, its
// statements checked) over one port instead of a sendMessage per request. In a content script,
// Chromium's sendMessage cost the page's main thread 0.6–2 ms per 32 KB request, and up to a few
// tenths of a millisecond however small; the same request over a port cost a third to two thirds
// of that (Chromium 156, measured in a content script). The port opens on the first request and
// closes once nothing has been asked for a while, so the background may sleep between a page's
// scans; a background that stops or goes away meanwhile rejects what was asked (the page then
// does without, as with an unanswered message).

import { ANSWER_TIMEOUT_MS } from '../core/answer-time';
import { isObj } from '../core/guards';
import { isMessage, isWorkMessage, type Message } from '../core/messages';

/** The few parts of a runtime.Port used here, as both browsers define them. */
export interface WorkPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(f: (message: unknown) => void): void };
  onDisconnect: { addListener(f: () => void): void };
}

/** How long a page's port stays open with nothing asked. */
export const WORK_PORT_IDLE_MS = 2000;

/** A request on the port: a work message and the number its answer comes back under. */
type Asked = Message & { id: number };
/** An answer: the handler's response, or `ok: false` when it failed or there is none. */
type Answered = { id: number; ok: true; response: unknown } | { id: number; ok: false };

interface Waiting {
  /** What was asked: asked again on a new port after the page was hidden (WorkClient.resume). */
  asked: Asked;
  resolve(response: unknown): void;
  reject(error: Error): void;
  /** Its deadline: a background that doesn't answer in time is taken for hung. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

const isAnswer = (v: unknown): v is Answered => isObj(v) && Number.isSafeInteger(v.id) && typeof v.ok === 'boolean';

export interface WorkClient {
  ask(message: Message): Promise<unknown>;
  /**
   * The page is hidden (it may go into the back/forward cache, where Chromium drops its port
   * without a word): the port is closed, and what waits, or is asked until `resume`, waits on.
   */
  suspend(): void;
  /** The page is shown again: what waits is asked again on a new port, with a new deadline. */
  resume(): void;
}

/**
 * The page's side: `connect` opens the port (it may throw: the extension was reloaded under the
 * page). A request not answered within `timeoutMs` fails, and with it the port and all it carries
 * (a background that hangs on one request is no use for the next): the next request opens another.
 */
export function workClient(connect: () => WorkPort, idleMs = WORK_PORT_IDLE_MS, timeoutMs = ANSWER_TIMEOUT_MS): WorkClient {
  let port: WorkPort | null = null;
  let nextId = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const waiting = new Map<number, Waiting>();

  const failAll = (why: string) => {
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.reject(new Error(why));
    }
    waiting.clear();
  };
  const close = () => {
    clearTimeout(idle);
    const open = port;
    port = null;
    try {
      open?.disconnect();
    } catch {
      // Gone already (the extension was reloaded under the page).
    }
  };
  /** Closing a port fires no onDisconnect on its own end: what waits on it fails here. */
  const drop = (why: string) => {
    failAll(why);
    close();
  };
  const settle = (id: number): Waiting | undefined => {
    const w = waiting.get(id);
    if (!w) return undefined;
    waiting.delete(id);
    clearTimeout(w.timer);
    if (waiting.size === 0) {
      clearTimeout(idle);
      idle = setTimeout(() => waiting.size === 0 && close(), idleMs);
    }
    return w;
  };
  const opened = (): WorkPort => {
    if (port) return port;
    const p = connect();
    p.onMessage.addListener((m) => {
      if (!isAnswer(m) || p !== port) return;
      const w = settle(m.id);
      if (m.ok) w?.resolve(m.response);
      else w?.reject(new Error('the background could not answer'));
    });
    p.onDisconnect.addListener(() => {
      if (p !== port) return;
      port = null;
      clearTimeout(idle);
      failAll('the background went away');
    });
    port = p;
    return p;
  };

  let suspended = false;
  /** Posts a request on the port (opened on need); its deadline starts now. */
  const post = (w: Waiting) => {
    clearTimeout(w.timer);
    w.timer = setTimeout(() => waiting.get(w.asked.id) === w && drop(`no answer within ${timeoutMs} ms`), timeoutMs);
    opened().postMessage(w.asked);
  };
  return {
    ask(message) {
      clearTimeout(idle);
      return new Promise((resolve, reject) => {
        const w: Waiting = { asked: { ...message, id: nextId++ }, resolve, reject, timer: undefined };
        waiting.set(w.asked.id, w);
        if (suspended) return;
        try {
          post(w);
        } catch (e) {
          clearTimeout(w.timer);
          waiting.delete(w.asked.id);
          reject(e instanceof Error ? e : new Error(String(e)));
          // A port that can't carry a message is dead: what else waits on it fails now, the next ask reconnects.
          if (port) drop('the port closed');
        }
      });
    },
    suspend() {
      suspended = true;
      close();
      for (const w of waiting.values()) clearTimeout(w.timer);
    },
    resume() {
      suspended = false;
      try {
        for (const w of waiting.values()) post(w);
      } catch {
        drop('the port closed');
      }
    },
  };
}

/**
 * The background's side of one page's port: answers each work message with `answer` (the same
 * handlers that answer sendMessage), under its number; anything else is ignored.
 */
export function serveWork(port: WorkPort, answer: (message: Message) => Promise<unknown> | undefined): void {
  port.onMessage.addListener((m) => {
    if (!isObj(m) || !Number.isSafeInteger(m.id)) return;
    const id = m.id as number;
    if (!isMessage(m) || !isWorkMessage(m.type)) return;
    const reply = (a: Answered) => {
      try {
        port.postMessage(a);
      } catch {
        // The page closed its port meanwhile (navigated away): nobody waits for this.
      }
    };
    let work: Promise<unknown> | undefined;
    try {
      work = answer(m);
    } catch {
      work = undefined;
    }
    if (!work) return reply({ id, ok: false });
    work.then(
      (response) => reply({ id, ok: true, response }),
      () => reply({ id, ok: false }),
    );
  });
}
