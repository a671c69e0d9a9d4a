// The reader's own additions to what a page is matched with: enabled corpus packs, and "Wrong
// match" reports for this site. Read and followed live (`watch`) until the instance's signal
// aborts, and handed to the annotator as one CorpusView whenever what is matched changes.

import { FALSE_MATCHES_KEY, falseMatchesOn, withFalseMatch, type FalseMatch } from '../core/false-matches';
import { asksBackground, type PageMatcher } from '../core/match-request';
import { combineCorpus, corpusKey } from '../core/pack-matching';
import { PACKS_KEY, type InstalledPack } from '../core/packs';
import type { TopicIndex } from '../core/corpus-types';
import type { LocalData } from '../core/local-data';
import type { ExtensionApi } from '../platform/extension-api';
import type { PageMention } from './mentions';

/** The corpus a page is matched with: its topics, and a matcher searching in place or asking the background. */
export interface PageCorpus {
  index: TopicIndex;
  matcher: PageMatcher;
}

export type OwnCorpusApi = Pick<ExtensionApi, 'loadLocal' | 'saveLocal' | 'watch'>;

export interface OwnCorpus {
  /** Resolves once stored packs and false matches have been read and applied. */
  ready: Promise<void>;
  /** Records a mention as a false match on this site; its alias stops firing for its topic here. */
  reportWrongMatch(mention: PageMention): Promise<void>;
}

export interface OwnCorpusOptions {
  api: OwnCorpusApi;
  /** Stops following storage. */
  signal: AbortSignal;
  site: string | null;
  base: PageCorpus;
  /** Called with the combined view whenever it changes (the annotator's setCorpus). */
  apply: (view: PageCorpus) => Promise<void>;
  /** Installed packs changed: cached tooltip details may be stale. */
  onPacksChanged?: () => void;
  now?: () => Date;
}

/** corpusKey of no pack and no false match: the built-in corpus as it is. */
const NOTHING_OWN = corpusKey([], new Set());

export function watchOwnCorpus({ api, signal, site, base, apply, onPacksChanged, now = () => new Date() }: OwnCorpusOptions): OwnCorpus {
  let packs: InstalledPack[] = [];
  let falseMatches: FalseMatch[] = [];
  let applied = NOTHING_OWN;
  /** Counts updates, so one that waited for the page's matcher applies nothing after a later one. */
  let updates = 0;

  async function update(): Promise<void> {
    const here = falseMatchesOn(falseMatches, site);
    const key = corpusKey(packs, here);
    // Unchanged for this page (another site's report, a pack that stays off): no rescan.
    if (key === applied) return;
    applied = key;
    const mine = ++updates;
    if (key === NOTHING_OWN) return apply(base);
    // Own packs and false matches are matched in the page, with the page's own matcher.
    const matcher = await (asksBackground(base.matcher) ? base.matcher.local() : Promise.resolve(base.matcher)).catch(() => null);
    // A later change was applied meanwhile.
    if (mine !== updates) return;
    if (matcher) return apply(combineCorpus({ index: base.index, matcher }, packs, here));
    // Without it (a broken install) the page is matched as built, and the next change tries again.
    applied = NOTHING_OWN;
    return apply(base);
  }

  // Both keys are read before the first update, so a page with packs isn't scanned twice.
  let started = false;
  const follow = <K extends typeof PACKS_KEY | typeof FALSE_MATCHES_KEY>(key: K, take: (value: LocalData[K], first: boolean) => void) =>
    new Promise<void>((resolve) => {
      let first = true;
      api.watch(
        key,
        (value) => {
          take(value, first);
          first = false;
          resolve();
          if (started) void update();
        },
        { signal },
      );
    });
  const ready = Promise.all([
    follow(PACKS_KEY, (next, first) => {
      packs = next;
      if (!first) onPacksChanged?.();
    }),
    follow(FALSE_MATCHES_KEY, (next) => {
      falseMatches = next;
    }),
  ]).then(() => {
    started = true;
    return update();
  });

  return {
    ready,
    async reportWrongMatch(mention) {
      if (site === null || mention.check) return;
      const report: FalseMatch = { site, alias: mention.alias, topicId: mention.head.id, at: now().toISOString() };
      // Applied here at once; the stored list reaches other tabs through storage.onChanged.
      falseMatches = withFalseMatch(falseMatches, report);
      const shown = update();
      try {
        const stored = await api.loadLocal(FALSE_MATCHES_KEY);
        await api.saveLocal({ [FALSE_MATCHES_KEY]: withFalseMatch(stored, report) });
      } catch {
        // Storage refused: the mention stays hidden on this page until it is reloaded.
      }
      await shown;
    },
  };
}
