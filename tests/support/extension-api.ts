// One in-memory extension for every test that needs the browser's API: storage.local with change
// events, a message bus between the background, popups and each tab's content script, the
// extension's bundled files, and a context a test can invalidate as a reload of the extension
// does. `api` is what the background and the extension's pages get, `content` what a content
// script in tab `tabId` gets; both work on the same state.

import { type LocalData, type LocalKey, parseLocal } from '../../src/core/local-data';
import type { MessageType, PageMessage, Request, Response } from '../../src/core/messages';
import { SETTINGS_KEY, type Settings } from '../../src/core/settings';
import type { ContentApi } from '../../src/platform/content-api';
import type { ExtensionApi, Handlers, MessageSender } from '../../src/platform/extension-api';

/** What the browsers reject a message with when nothing answers its type. */
export const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';
/** What every call into a reloaded or removed extension fails with. */
export const CONTEXT_GONE = 'Extension context invalidated.';

const FROM_EXTENSION: MessageSender = { tabId: null, frameId: null };

export interface FakeExtensionOptions {
  /** storage.local's raw values by key (`settings`, `packs`, `packFiles`, `falseMatches`), corrupt ones too. */
  stored?: Record<string, unknown>;
  /**
   * Whether a write is heard by the listeners of the context that made it, as in the browser (the
   * default). Off, a test sees that a page shows its own change without waiting to hear it back.
   */
  hearOwnWrites?: boolean;
  /** The tab the toolbar button was pressed in (null: none, as on a browser page). */
  activeTab?: number | null;
  /** The content script's tab; its messages come from that tab's top frame. */
  tabId?: number;
  /** Files bundled with the extension, by path, for readBundled. */
  bundled?: Record<string, unknown>;
  /** Whatever a test needs to behave otherwise (a slow registration, a refused tab, …). */
  overrides?: Partial<ExtensionApi>;
}

type AnyHandler = (payload: unknown, sender: MessageSender) => unknown;

function handlerOf(handlers: Handlers, type: MessageType): AnyHandler | undefined {
  // Keyed by message type; the union can't be correlated with its payload, so narrow once here.
  return handlers[type] as AnyHandler | undefined;
}

class Listeners<A extends unknown[]> {
  private readonly all = new Set<(...args: A) => void>();
  add(fn: (...args: A) => void): () => void {
    this.all.add(fn);
    return () => void this.all.delete(fn);
  }
  emit(...args: A): void {
    for (const fn of [...this.all]) fn(...args);
  }
  get size(): number {
    return this.all.size;
  }
}

export function fakeExtension(options: FakeExtensionOptions = {}) {
  const { hearOwnWrites = true, activeTab = 1, tabId = 1, bundled = {} } = options;
  const storage = new Map<string, unknown>(Object.entries(structuredClone(options.stored ?? {})));
  const storageListeners = new Listeners<[keys: string[], writer: object | null]>();
  /** runtime.onMessage in the extension's own contexts: the background's handlers and each popup's. */
  const extensionHandlers = new Set<Handlers>();
  const pages = new Map<number, Set<Handlers<PageMessage>>>();
  /** Each tab accepting popups' ports (ContentApi.acceptFollowers): the popups following it. */
  const followers = new Map<number, Listeners<[]>>();
  const installed = new Listeners<[]>();
  const commands = new Listeners<[command: string]>();
  const context = { valid: true };

  const record = {
    /** Each write's settings, where it wrote them (the writes are all in localSaves). */
    settingsSaves: [] as Settings[],
    localSaves: [] as Array<Partial<LocalData>>,
    sent: [] as Array<{ type: MessageType; payload: unknown }>,
    tabCalls: [] as Array<{ tabId: number; type: PageMessage; payload: unknown }>,
    badges: new Map<number, string>(),
    opened: [] as Array<{ path: string; opener: number | null }>,
    /** The background's other doings, in order: `inject`, `run <file>`, `<script id> on|off`, `options`. */
    log: [] as string[],
  };

  const alive = () => {
    if (!context.valid) throw new Error(CONTEXT_GONE);
  };

  const write = (values: Record<string, unknown>, writer: object | null) => {
    for (const [k, v] of Object.entries(values)) storage.set(k, structuredClone(v));
    storageListeners.emit(Object.keys(values), writer);
  };

  const read = <K extends LocalKey>(key: K) => parseLocal(key, structuredClone(storage.get(key)));

  /** `watch` as the browsers do it: the first read answers later than the call; `self` names the context watching. */
  const watch = <K extends LocalKey>(self: object, key: K, fn: (value: LocalData[K]) => void, signal: AbortSignal) => {
    if (signal.aborted) return;
    let changed = false;
    const stop = storageListeners.add((keys, writer) => {
      if (!keys.includes(key) || signal.aborted || (!hearOwnWrites && writer === self)) return;
      changed = true;
      fn(read(key));
    });
    signal.addEventListener('abort', stop, { once: true });
    // Unreadable (a reloaded extension): nothing is called, as in the real implementations.
    void Promise.resolve().then(() => {
      if (signal.aborted || changed || !context.valid) return;
      fn(read(key));
    });
  };

  /** Delivers to the first handler of the type among `handlers`, as the runtime does. */
  const deliverTo = async (handlers: Iterable<Handlers>, type: MessageType, payload: unknown, sender: MessageSender) => {
    alive();
    const answering = [...handlers].map((h) => handlerOf(h, type)).filter((h) => h !== undefined);
    if (!answering.length) throw new Error(NO_RECEIVER);
    const answers = await Promise.all(answering.map((h) => h(structuredClone(payload), sender)));
    return answers.find((a) => a !== undefined) ?? null;
  };

  const listen = (handlers: Handlers) => {
    extensionHandlers.add(handlers);
    return () => void extensionHandlers.delete(handlers);
  };

  const storageApi = (self: object) => ({
    async loadLocal<K extends LocalKey>(key: K) {
      alive();
      return read(key);
    },
    async saveLocal(values: Partial<LocalData>) {
      alive();
      record.localSaves.push(structuredClone(values));
      if (values[SETTINGS_KEY]) record.settingsSaves.push(structuredClone(values[SETTINGS_KEY]));
      write(values, self);
    },
    watch: <K extends LocalKey>(key: K, fn: (value: LocalData[K]) => void, { signal }: { signal: AbortSignal }) => watch(self, key, fn, signal),
  });

  const api: ExtensionApi = {
    contextValid: () => context.valid,
    ...storageApi({}),
    send: (type, payload) => {
      record.sent.push({ type, payload });
      return deliverTo(extensionHandlers, type, payload, FROM_EXTENSION) as never;
    },
    sendToTab: (tab, type, payload) => {
      record.tabCalls.push({ tabId: tab, type, payload });
      return deliverTo(pages.get(tab) ?? [], type, payload, FROM_EXTENSION) as never;
    },
    handle: listen,
    sendToPopup: (type, payload) => deliverTo(extensionHandlers, type, payload, FROM_EXTENSION) as never,
    handlePopup: listen,
    followTab(tab, onChange, { signal }) {
      // As a port to a page that doesn't listen: closed at once, nothing heard.
      const page = followers.get(tab);
      if (!page || signal.aborted) return;
      const stop = page.add(onChange);
      signal.addEventListener('abort', stop, { once: true });
    },
    activeTabId: async () => activeTab,
    onInstalled: (fn) => installed.add(fn),
    async injectIntoOpenTabs() {
      record.log.push('inject');
    },
    async runInOpenTabs(file) {
      record.log.push(`run ${file}`);
    },
    async setEarlyScript({ id }, on) {
      record.log.push(`${id} ${on ? 'on' : 'off'}`);
    },
    hasLiveContentScript: async (tab) => pages.has(tab),
    tabUrl: async () => null,
    async openOptions() {
      record.log.push('options');
    },
    async openPage(path, opener) {
      record.opened.push({ path, opener });
    },
    onCommand: (fn) => commands.add(fn),
    async setBadge(tab, text) {
      record.badges.set(tab, text);
    },
    async readBundled(path) {
      alive();
      if (!(path in bundled)) throw new Error(`${path}: 404`);
      return structuredClone(bundled[path]);
    },
    ...options.overrides,
  };

  const fromTab: MessageSender = { tabId, frameId: 0 };
  const content: ContentApi = {
    contextValid: () => context.valid,
    ...storageApi({}),
    send: (type, payload) => {
      record.sent.push({ type, payload });
      return deliverTo(extensionHandlers, type, payload, fromTab) as never;
    },
    handle: (handlers) => fake.page(tabId, handlers),
    acceptFollowers(signal) {
      const page = new Listeners<[]>();
      followers.set(tabId, page);
      signal.addEventListener('abort', () => followers.delete(tabId), { once: true });
      return () => page.emit();
    },
  };

  const fake = {
    api,
    content,
    /** storage.local's raw values. */
    storage,
    ...record,
    /** The settings as stored now, read as the extension reads them. */
    settings: () => read(SETTINGS_KEY),
    local: read,
    /** How many storage listeners are attached (a page that closed must leave none). */
    listeners: () => storageListeners.size,
    /** Another tab or page writes raw values: every listener hears it. */
    changeElsewhere: (values: Record<string, unknown>) => write(values, null),
    /** A tab's content script answering the messages to pages. Returns the teardown. */
    page(tab: number, handlers: Handlers<PageMessage>): () => void {
      const set = pages.get(tab) ?? new Set();
      pages.set(tab, set.add(handlers));
      return () => {
        set.delete(handlers);
        if (!set.size) pages.delete(tab);
      };
    },
    /** How many popups follow tab `tab` over a port now. */
    following: (tab: number) => followers.get(tab)?.size ?? 0,
    /** How many of the extension's contexts answer `type` now. */
    answering: (type: MessageType) => [...extensionHandlers].filter((h) => handlerOf(h, type)).length,
    /** A message reaching the extension's contexts from `sender`, as the runtime delivers it. */
    deliver: <K extends MessageType>(type: K, payload: Request<K>, sender: MessageSender = FROM_EXTENSION) =>
      deliverTo(extensionHandlers, type, payload, sender) as Promise<Response<K>>,
    /** The extension is updated, reloaded or removed: every call into it fails from now on. */
    invalidate() {
      context.valid = false;
    },
    install: () => installed.emit(),
    command: (c: string) => commands.emit(c),
  };
  return fake;
}

export type FakeExtension = ReturnType<typeof fakeExtension>;
