// Loads a module bundled with the extension into the content script's own world. The files sit
// in lazy/ and are web-accessible only under Chromium's per-session dynamic address
// (use_dynamic_url) or Firefox's per-install address, so pages cannot probe for them; no extra
// permission or install warning is needed (see README, "How it works").

import browser from 'webextension-polyfill';

export function importExtensionModule<T>(path: string): Promise<T> {
  return import(browser.runtime.getURL(path)) as Promise<T>;
}
