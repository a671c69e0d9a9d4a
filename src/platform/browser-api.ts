// The real ExtensionApi, over webextension-polyfill: the only module that imports it.

import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { INSTANCE_FLAG } from '../core/content-flags';
import { parseLocal } from '../core/local-data';
import {
  type BackgroundMessage,
  FOLLOW_PORT,
  isCountsChanged,
  isMessage,
  type Message,
  type PageMessage,
  type PopupMessage,
  type Request,
  type Response,
  WORK_PORT,
} from '../core/messages';
import type { ExtensionApi, Handlers, MessageSender } from './extension-api';
import { watchStorage } from './storage-watch';
import { serveWork } from './work-port';

function dispatch(handlers: Handlers, message: Message, sender: MessageSender): Promise<unknown> | undefined {
  // The map is keyed by message type; TypeScript can't correlate the union, so narrow once here.
  const handler = handlers[message.type] as ((p: unknown, s: MessageSender) => unknown) | undefined;
  return handler ? Promise.resolve(handler(message.payload, sender)) : undefined;
}

/**
 * Answers our own messages of the handlers' types. A message reaches every extension page as well
 * as the background, so each context answers only its own direction's types and leaves the rest.
 */
function listen(handlers: Handlers): () => void {
  const onMessage = (message: unknown, sender: Runtime.MessageSender) => {
    if (!isMessage(message)) return undefined;
    return dispatch(handlers, message, { tabId: sender.tab?.id ?? null, frameId: sender.frameId ?? null });
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

/** The background's handlers answer the same messages over content scripts' work ports (work-port.ts). */
function serveWorkPorts(handlers: Handlers<BackgroundMessage>): () => void {
  const onConnect = (port: Runtime.Port) => {
    if (port.name !== WORK_PORT) return;
    const sender = { tabId: port.sender?.tab?.id ?? null, frameId: port.sender?.frameId ?? null };
    serveWork(port, (message) => dispatch(handlers, message, sender));
  };
  browser.runtime.onConnect.addListener(onConnect);
  return () => browser.runtime.onConnect.removeListener(onConnect);
}

/** Runs `run` in every frame of each tab open on the content script's sites. */
async function inOpenTabs(run: (target: { tabId: number; allFrames: true }) => Promise<unknown>): Promise<void> {
  const matches = browser.runtime.getManifest().content_scripts?.[0]?.matches;
  if (!matches) return;
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(
    tabs.map(async ({ id, discarded }) => {
      if (id === undefined || discarded) return;
      // A tab the browser won't let extensions into (a store page, an error page): nothing to do.
      await run({ tabId: id, allFrames: true }).catch(() => undefined);
    }),
  );
}

export const browserApi: ExtensionApi = {
  contextValid() {
    try {
      return !!browser.runtime?.id;
    } catch {
      return false;
    }
  },

  send<K extends BackgroundMessage>(type: K, payload: Request<K>): Promise<Response<K>> {
    return browser.runtime.sendMessage({ type, payload }) as Promise<Response<K>>;
  },

  sendToTab<K extends PageMessage>(tabId: number, type: K, payload: Request<K>): Promise<Response<K>> {
    return browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 }) as Promise<Response<K>>;
  },

  handle(handlers) {
    const stops = [listen(handlers), serveWorkPorts(handlers)];
    return () => {
      for (const stop of stops) stop();
    };
  },

  sendToPopup<K extends PopupMessage>(type: K, payload: Request<K>): Promise<Response<K>> {
    return browser.runtime.sendMessage({ type, payload }) as Promise<Response<K>>;
  },

  handlePopup: listen,

  followTab(tabId, onChange, { signal }) {
    if (signal.aborted) return;
    let port: Runtime.Port;
    try {
      port = browser.tabs.connect(tabId, { name: FOLLOW_PORT, frameId: 0 });
    } catch {
      // A tab closed meanwhile: nothing to follow (the popup closes with it).
      return;
    }
    port.onMessage.addListener((m: unknown) => {
      if (isCountsChanged(m)) onChange();
    });
    signal.addEventListener('abort', () => port.disconnect(), { once: true });
  },

  async activeTabId() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  },

  onInstalled(listener) {
    const onInstalled = ({ reason }: { reason: string }) => {
      if (reason === 'install' || reason === 'update') listener();
    };
    browser.runtime.onInstalled.addListener(onInstalled);
    return () => browser.runtime.onInstalled.removeListener(onInstalled);
  },

  async injectIntoOpenTabs() {
    const script = browser.runtime.getManifest().content_scripts?.[0];
    await inOpenTabs(async (target) => {
      if (script?.css) await browser.scripting.insertCSS({ target, files: script.css });
      if (script?.js) await browser.scripting.executeScript({ target, files: script.js });
    });
  },

  async runInOpenTabs(file) {
    await inOpenTabs((target) => browser.scripting.executeScript({ target, files: [file] }));
  },

  async setEarlyScript({ id, file }, on) {
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
    if (on && !registered.length) {
      const matches = browser.runtime.getManifest().content_scripts?.[0]?.matches ?? [];
      await browser.scripting.registerContentScripts([
        { id, js: [file], matches, runAt: 'document_start', allFrames: true, persistAcrossSessions: true },
      ]);
    } else if (!on && registered.length) {
      await browser.scripting.unregisterContentScripts({ ids: [id] });
    }
  },

  async hasLiveContentScript(tabId) {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      args: [INSTANCE_FLAG],
      // Runs in the content scripts' own world, where the instance keeps its slot.
      func: (flag: string) => {
        const instance = (globalThis as Record<string, unknown>)[flag] as { alive?: () => boolean } | undefined;
        return typeof instance?.alive === 'function' && instance.alive();
      },
    });
    return result?.result === true;
  },

  async tabUrl(tabId) {
    return (await browser.tabs.get(tabId)).url ?? null;
  },

  async openOptions() {
    await browser.runtime.openOptionsPage();
  },

  async openPage(path, openerTabId) {
    const opener = openerTabId === null ? null : await browser.tabs.get(openerTabId).catch(() => null);
    // Next to the page it was opened from, as a link opened in a new tab would be.
    await browser.tabs.create({
      url: browser.runtime.getURL(path),
      ...(opener ? { openerTabId: opener.id, index: opener.index + 1, windowId: opener.windowId } : {}),
    });
  },

  onCommand(listener) {
    const onCommand = (command: string) => listener(command);
    browser.commands.onCommand.addListener(onCommand);
    return () => browser.commands.onCommand.removeListener(onCommand);
  },

  async setBadge(tabId, text, color) {
    await browser.action.setBadgeText({ tabId, text });
    if (text) await browser.action.setBadgeBackgroundColor({ tabId, color });
  },

  async readBundled(path) {
    const response = await fetch(browser.runtime.getURL(path));
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  },

  async loadLocal(key) {
    const stored = await browser.storage.local.get(key);
    return parseLocal(key, stored[key]);
  },

  async saveLocal(values) {
    await browser.storage.local.set(values);
  },

  watch(key, cb, { signal }) {
    watchStorage(() => browser.storage, key, cb, signal);
  },
};
