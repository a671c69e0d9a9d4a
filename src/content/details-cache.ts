// A topic's details (facts, quotes, viewpoints), asked of the background once per topic while
// the page is open; a failed load is asked again on the next open rather than kept.

import type { TopicDetails } from '../core/corpus-types';

export interface DetailsCache {
  load(topicId: string): Promise<TopicDetails>;
  /** The topic's details if a load of them has succeeded (no waiting for a promise). */
  loaded(topicId: string): TopicDetails | undefined;
  /** Own packs changed: details may differ now. */
  clear(): void;
}

export function createDetailsCache(fetch: (topicId: string) => Promise<TopicDetails | null>): DetailsCache {
  const details = new Map<string, Promise<TopicDetails>>();
  const ready = new Map<string, TopicDetails>();
  return {
    load(topicId) {
      const known = details.get(topicId);
      if (known) return known;
      const asked: Promise<TopicDetails> = fetch(topicId).then((d) => {
        if (!d) throw new Error(`no details for "${topicId}"`);
        // Unless cleared meanwhile (packs changed): then these may be out of date.
        if (details.get(topicId) === asked) ready.set(topicId, d);
        return d;
      });
      asked.catch(() => details.delete(topicId));
      details.set(topicId, asked);
      return asked;
    },
    loaded: (topicId) => ready.get(topicId),
    clear: () => {
      details.clear();
      ready.clear();
    },
  };
}
