// A topic's details (facts, quotes, viewpoints), asked of the background once per topic while
// the page is open; a failed load is asked again on the next open rather than kept.

import type { TopicDetails } from '../core/corpus-types';

export interface DetailsCache {
  load(topicId: string): Promise<TopicDetails>;
  /** Own packs changed: details may differ now. */
  clear(): void;
}

export function createDetailsCache(fetch: (topicId: string) => Promise<TopicDetails | null>): DetailsCache {
  const details = new Map<string, Promise<TopicDetails>>();
  return {
    load(topicId) {
      let p = details.get(topicId);
      if (!p) {
        p = fetch(topicId).then((d) => {
          if (!d) throw new Error(`no details for "${topicId}"`);
          return d;
        });
        p.catch(() => details.delete(topicId));
        details.set(topicId, p);
      }
      return p;
    },
    clear: () => details.clear(),
  };
}
