// Every browser API Backstory uses, behind one small interface. The real implementation wraps
// webextension-polyfill (browser-api.ts); tests pass fakes.

import type { BackgroundMessage, MessageType, PageMessage, PopupMessage, Request, Response } from '../core/messages';
import type { LocalData, LocalKey } from '../core/local-data';

export interface MessageSender {
  tabId: number | null;
  frameId: number | null;
}

/** Answers to the messages of one direction (BackgroundMessage in the background, PageMessage in a page). */
export type Handlers<M extends MessageType = MessageType> = {
  [K in M]?: (payload: Request<K>, sender: MessageSender) => Promise<Response<K>> | Response<K>;
};

export interface ExtensionApi {
  /** False once the extension was updated, reloaded or removed under a running content script. */
  contextValid(): boolean;
  /** To the background. */
  send<K extends BackgroundMessage>(type: K, payload: Request<K>): Promise<Response<K>>;
  /** To the top frame of a tab's content script. */
  sendToTab<K extends PageMessage>(tabId: number, type: K, payload: Request<K>): Promise<Response<K>>;
  /** Answers messages of the given types. Returns the teardown. */
  handle(handlers: Handlers<BackgroundMessage>): () => void;
  /** From the background to the extension's open pages (a popup); rejects when none is open. */
  sendToPopup<K extends PopupMessage>(type: K, payload: Request<K>): Promise<Response<K>>;
  /** In a popup: answers the background's messages to popups. Returns the teardown. */
  handlePopup(handlers: Handlers<PopupMessage>): () => void;
  /**
   * In a popup: calls back each time the tab's top frame says its counts changed, over a port to
   * it (FOLLOW_PORT), until `signal` aborts. Nothing is called on a page that doesn't listen.
   */
  followTab(tabId: number, onChange: () => void, options: { signal: AbortSignal }): void;
  activeTabId(): Promise<number | null>;
  /** The extension was installed or updated (not on every start of the background). */
  onInstalled(listener: () => void): () => void;
  /** Runs the manifest's content script (and its CSS) in the tabs already open on its sites. */
  injectIntoOpenTabs(): Promise<void>;
  /** Runs one of the extension's scripts in every frame of the tabs already open on the content script's sites. */
  runInOpenTabs(file: string): Promise<void>;
  /** Registers (or removes) a content script that runs before the first script on every page. */
  setEarlyScript(script: { id: string; file: string }, on: boolean): Promise<void>;
  /** Whether the tab's top frame has a live content script (asked in its own world, not by message). */
  hasLiveContentScript(tabId: number): Promise<boolean>;
  /** A tab's address, where the extension may read it (null elsewhere). */
  tabUrl(tabId: number): Promise<string | null>;
  openOptions(): Promise<void>;
  /** Opens one of the extension's own pages in a new tab, beside the tab it was asked from (if any). */
  openPage(path: string, openerTabId: number | null): Promise<void>;
  /** Keyboard shortcuts declared in the manifest's "commands". Returns the teardown. */
  onCommand(listener: (command: string) => void): () => void;
  setBadge(tabId: number, text: string, color: string): Promise<void>;
  /** Reads a file bundled with the extension. */
  readBundled(path: string): Promise<unknown>;
  /** One read of a key of storage.local (settings, packs, false matches), through its parser. */
  loadLocal<K extends LocalKey>(key: K): Promise<LocalData[K]>;
  /** Writes the given keys in one go (so a pack's two parts never disagree). */
  saveLocal(values: Partial<LocalData>): Promise<void>;
  /**
   * Calls back with the key's value, read once, then again whenever any context changes it, until
   * `signal` aborts. Every value comes through the key's parser; one that can't be read comes as
   * missing (the key's default). A change heard first wins over the slower first read.
   */
  watch<K extends LocalKey>(key: K, cb: (value: LocalData[K]) => void, options: { signal: AbortSignal }): void;
}
