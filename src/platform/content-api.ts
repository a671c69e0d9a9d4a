// The ExtensionApi a content script needs, over the browser's own promise-based API (`browser` in
// Firefox and current Chromium, `chrome` in Chromium's Manifest V3) rather than through
// webextension-polyfill: the content script runs on every page, and setting the polyfill up cost
// about a third of its start-up there. Popup, options page and background keep browser-api.ts.

import { parseLocal } from '../core/local-data';
import {
  type BackgroundMessage,
  COUNTS_CHANGED,
  FOLLOW_PORT,
  isMessage,
  isWorkMessage,
  type Message,
  type PageMessage,
  type Request,
  type Response,
  WORK_PORT,
} from '../core/messages';
import type { ExtensionApi, Handlers, MessageSender } from './extension-api';
import { extensionContextValid, extensionGlobal } from './extension-files';
import { type WatchedStorage, watchStorage } from './storage-watch';
import { type WorkPort, workClient } from './work-port';

/** A page answers the messages to pages (the background's own handle() answers the others). */
export type ContentApi = Pick<ExtensionApi, 'contextValid' | 'send' | 'loadLocal' | 'saveLocal' | 'watch'> & {
  handle(handlers: Handlers<PageMessage>): () => void;
  /**
   * Lets open popups follow this page (FOLLOW_PORT, ExtensionApi.followTab) until `signal`
   * aborts; returns what tells them its counts changed.
   */
  acceptFollowers(signal: AbortSignal): () => void;
};

interface Event<F> {
  addListener(f: F): void;
  removeListener(f: F): void;
}
type OnMessage = (message: unknown, sender: { tab?: { id?: number }; frameId?: number }, sendResponse: (r: unknown) => void) => boolean | undefined;
interface Port extends WorkPort {
  name: string;
  onDisconnect: Event<(port: Port) => void>;
}

/** The few calls made here, as both browsers define them. */
interface NativeApi {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    connect(info: { name: string }): Port;
    onMessage: Event<OnMessage>;
    onConnect: Event<(port: Port) => void>;
    getURL(path: string): string;
  };
  storage: WatchedStorage & { local: { set(items: Record<string, unknown>): Promise<void> } };
}

const native = (): NativeApi => extensionGlobal<NativeApi>();
/** The page's bulk work goes over a port (work-port.ts says why), opened on its first request. */
const work = workClient(() => native().runtime.connect({ name: WORK_PORT }));
// A page put in the back/forward cache keeps its port object, but Chromium drops the port under
// it without a word: restored, the page would ask a port that never answers. What was asked as
// the page was left is asked again once it is shown.
globalThis.addEventListener?.('pagehide', () => work.suspend());
globalThis.addEventListener?.('pageshow', (e) => void ((e as PageTransitionEvent).persisted && work.resume()));

export const contentApi: ContentApi = {
  contextValid: extensionContextValid,
  send<K extends BackgroundMessage>(type: K, payload: Request<K>): Promise<Response<K>> {
    const message = { type, payload } as Message;
    return (isWorkMessage(type) ? work.ask(message) : native().runtime.sendMessage(message)) as Promise<Response<K>>;
  },
  handle(handlers: Handlers<PageMessage>) {
    const onMessage: OnMessage = (message, sender, sendResponse) => {
      if (!isMessage(message)) return undefined;
      // Keyed by message type; a message of the other direction finds no handler here.
      const handler = (handlers as Handlers)[(message as Message).type] as ((p: unknown, s: MessageSender) => unknown) | undefined;
      if (!handler) return undefined;
      // Answered through sendResponse, which both browsers honour when the listener returns true.
      Promise.resolve(handler(message.payload, { tabId: sender.tab?.id ?? null, frameId: sender.frameId ?? null })).then(sendResponse, () =>
        sendResponse(undefined),
      );
      return true;
    };
    native().runtime.onMessage.addListener(onMessage);
    return () => native().runtime.onMessage.removeListener(onMessage);
  },
  acceptFollowers(signal) {
    const ports = new Set<Port>();
    const onConnect = (port: Port) => {
      if (port.name !== FOLLOW_PORT) return;
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
    };
    native().runtime.onConnect.addListener(onConnect);
    signal.addEventListener(
      'abort',
      () => {
        try {
          for (const port of ports) port.disconnect();
          native().runtime.onConnect.removeListener(onConnect);
        } catch {
          // The extension was reloaded under the page: its listeners went with it.
        }
      },
      { once: true },
    );
    return () => {
      for (const port of ports) {
        try {
          port.postMessage({ type: COUNTS_CHANGED });
        } catch {
          // A popup closing as we speak: its disconnect takes it out.
        }
      }
    };
  },
  async loadLocal(key) {
    return parseLocal(key, (await native().storage.local.get(key))[key]);
  },
  async saveLocal(values) {
    await native().storage.local.set(values);
  },
  watch(key, cb, { signal }) {
    watchStorage(() => native().storage, key, cb, signal);
  },
};
