// One key of storage.local kept current in a component (the popup's settings, the options page's
// settings, packs and false matches): read once, then followed as any page or tab changes it. The
// setter shows a change at once, before the write is heard back.

import { useEffect, useState } from 'preact/hooks';
import type { LocalData, LocalKey } from '../core/local-data';
import type { ExtensionApi } from '../platform/extension-api';

export type StoredApi = Pick<ExtensionApi, 'watch'>;

/** The key's value (null until first read) and a setter for what this page has just written. */
export function useStored<K extends LocalKey>(api: StoredApi, key: K): [LocalData[K] | null, (value: LocalData[K]) => void] {
  const [value, setValue] = useState<LocalData[K] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.watch(key, (v) => setValue(() => v), { signal: controller.signal });
    return () => controller.abort();
  }, [api, key]);
  return [value, (v) => setValue(() => v)];
}
