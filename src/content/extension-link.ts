// The content script's tie to its extension. Once the extension is updated, reloaded or removed
// under the page ("Extension context invalidated"), every call into it throws: the instance then
// aborts its signal and goes quiet instead.

import type { ContentApi } from '../platform/content-api';

export interface ExtensionLink {
  /** Whether the instance still runs; aborts it the first time the extension is found gone. */
  alive(): boolean;
  /** A call to the background; a dead extension context stops the instance instead of throwing past `.catch`. */
  send<T>(call: () => Promise<T>): Promise<T>;
}

export function createExtensionLink(api: Pick<ContentApi, 'contextValid'>, controller: AbortController): ExtensionLink {
  function alive(): boolean {
    if (controller.signal.aborted) return false;
    if (api.contextValid()) return true;
    controller.abort();
    return false;
  }
  function send<T>(call: () => Promise<T>): Promise<T> {
    if (!alive()) return Promise.reject(new Error('Backstory was updated or removed; reload the page'));
    try {
      return call().catch((e: unknown) => {
        alive();
        throw e;
      });
    } catch (e) {
      // One call throws synchronously in a dead context.
      alive();
      return Promise.reject(e);
    }
  }
  return { alive, send };
}
