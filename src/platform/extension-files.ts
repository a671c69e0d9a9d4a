// The extension's own files, read from a content script: the first script imports only this, so
// it stays a few KB and touches no extension API until a page needs Backstory.

interface FilesApi {
  runtime: { getURL(path: string): string };
}

/** The browser's extension API (`browser` in Firefox, `chrome` in Chromium); throws outside an extension. */
export function extensionGlobal<T extends FilesApi>(): T {
  const g = globalThis as { browser?: T; chrome?: T };
  const api = g.browser?.runtime ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error('not in an extension');
  return api;
}

/** Whether this script's extension is still there (false once it was updated or removed under the page). */
export function extensionContextValid(): boolean {
  try {
    return !!extensionGlobal<FilesApi & { runtime: { id?: string } }>().runtime.id;
  } catch {
    return false;
  }
}

/** A JSON file bundled with the extension (in lazy/, web-accessible as the modules are). */
export async function readExtensionJson(path: string): Promise<unknown> {
  const response = await fetch(extensionGlobal().runtime.getURL(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/** A module bundled with the extension, imported into the content script's own world. */
export function importExtensionModule<T>(path: string): Promise<T> {
  return import(extensionGlobal().runtime.getURL(path)) as Promise<T>;
}
