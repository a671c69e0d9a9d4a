// `watch` for both real implementations (browser-api.ts over webextension-polyfill, content-api.ts
// over the browser's own API): one key of storage.local, read once and then followed.

import { type LocalData, type LocalKey, parseLocal } from '../core/local-data';

type Changes = Record<string, { newValue?: unknown }>;
type OnChanged = (changes: Changes, area: string) => void;

/** The part of `browser.storage` a watch uses, as both browsers and the polyfill define it. */
export interface WatchedStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: { addListener(f: OnChanged): void; removeListener(f: OnChanged): void };
}

export function watchStorage<K extends LocalKey>(
  storage: () => WatchedStorage,
  key: K,
  cb: (value: LocalData[K]) => void,
  signal: AbortSignal,
): void {
  if (signal.aborted) return;
  // A change heard before the first read answers is newer than what that read may return.
  let changed = false;
  const onChanged: OnChanged = (changes, area) => {
    if (signal.aborted || area !== 'local' || !(key in changes)) return;
    changed = true;
    cb(parseLocal(key, changes[key]?.newValue));
  };
  storage().onChanged.addListener(onChanged);
  signal.addEventListener(
    'abort',
    () => {
      try {
        storage().onChanged.removeListener(onChanged);
      } catch {
        // The extension context is gone, and its listeners with it.
      }
    },
    { once: true },
  );
  // Started in a promise so a dead context's synchronous throw becomes a failed read. Unreadable
  // storage is not a missing key: reading it as the defaults would annotate a site the reader
  // switched off, and a popup saving them would wipe the reader's settings. Nothing is called
  // then; a later change still is.
  Promise.resolve()
    .then(() => storage().local.get(key))
    .then(
      (stored) => {
        if (!signal.aborted && !changed) cb(parseLocal(key, stored[key]));
      },
      () => undefined,
    );
}
