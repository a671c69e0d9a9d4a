// The page's cache of topic details: asked of the background once per topic, and at hand at once
// once loaded (the tooltip opens with them in its first paint).
import { describe, expect, it } from 'vitest';
import { createDetailsCache } from '../../src/content/details-cache';
import type { TopicDetails } from '../../src/core/corpus-types';

const details = (id: string) => ({ topic: { id, name: id, category: 'places', aliases: [id], summary: '', facts: [] } }) as unknown as TopicDetails;

/** A fetch whose answers arrive when the test says. */
function fakeFetch() {
  const asked: Array<{ id: string; answer: (d: TopicDetails | null) => void; fail: () => void }> = [];
  const fetch = (id: string) =>
    new Promise<TopicDetails | null>((resolve, reject) => asked.push({ id, answer: resolve, fail: () => reject(new Error('no background')) }));
  return { fetch, asked };
}

describe('the details cache', () => {
  it('asks once per topic and has the details at hand once they arrived', async () => {
    const { fetch, asked } = fakeFetch();
    const cache = createDetailsCache(fetch);
    const first = cache.load('shikotan');
    void cache.load('shikotan');
    expect(asked).toHaveLength(1);
    expect(cache.loaded('shikotan')).toBeUndefined();
    asked[0]!.answer(details('shikotan'));
    await first;
    expect(cache.loaded('shikotan')?.topic.id).toBe('shikotan');
    expect(cache.loaded('habomai')).toBeUndefined();
  });

  it('keeps nothing of a failed load, or of one that arrives after a clear (own packs changed)', async () => {
    const { fetch, asked } = fakeFetch();
    const cache = createDetailsCache(fetch);
    const failed = cache.load('shikotan');
    asked[0]!.fail();
    await expect(failed).rejects.toThrow('no background');
    expect(cache.loaded('shikotan')).toBeUndefined();
    const stale = cache.load('shikotan');
    expect(asked).toHaveLength(2);
    cache.clear();
    asked[1]!.answer(details('shikotan'));
    await stale;
    expect(cache.loaded('shikotan')).toBeUndefined();
    // Asked again after the clear: a new load, kept once it arrives.
    const fresh = cache.load('shikotan');
    asked[2]!.answer(details('shikotan'));
    await fresh;
    expect(cache.loaded('shikotan')).toBeDefined();
  });

  it('keeps nothing for a topic the background has no details for', async () => {
    const { fetch, asked } = fakeFetch();
    const cache = createDetailsCache(fetch);
    const none = cache.load('unknown');
    asked[0]!.answer(null);
    await expect(none).rejects.toThrow('no details for "unknown"');
    expect(cache.loaded('unknown')).toBeUndefined();
  });
});
