// One key of the reader's local data, kept current in a component: read once, then followed as
// any page or tab changes it. The setter shows a change at once (before the write is heard back).

import { useEffect, useState } from 'preact/hooks';
import type { LocalData, LocalKey } from '../core/local-data';
import type { ExtensionApi } from '../platform/extension-api';

export type StoredApi = Pick<ExtensionApi, 'loadLocal' | 'onLocalChanged'>;

/** The key's value (null until first read) and a setter for what this page has just written. */
export function useStored<K extends LocalKey>(api: StoredApi, key: K): [LocalData[K] | null, (value: LocalData[K]) => void] {
  const [value, setValue] = useState<LocalData[K] | null>(null);
  useEffect(() => {
    let live = true;
    void api.loadLocal(key).then((v) => live && setValue(() => v));
    const stop = api.onLocalChanged(key, (v) => live && setValue(() => v));
    return () => {
      live = false;
      stop();
    };
  }, [api, key]);
  return [value, (v) => setValue(() => v)];
}
