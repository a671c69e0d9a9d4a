// The parts of the content script a page loads only when it needs them: the tooltip UI (Preact)
// on a first hover or keyboard command, and the <mark> painter in mark mode. (Claim checks run in
// the background: claims-request.ts.) Production loads them from the
// extension's files (platform/lazy-modules.ts); tests import them directly.

import type * as Marks from './lazy/marks';
import type * as Ui from './lazy/ui';

export interface LazyModules {
  ui(): Promise<typeof Ui>;
  marks(): Promise<typeof Marks>;
}

/** Each module loaded once; a failed load is tried again next time. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((e: unknown) => {
      loading = null;
      throw e;
    });
    return loading;
  };
}
