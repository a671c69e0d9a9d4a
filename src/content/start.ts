// Wires the content script together: settings in, highlights and tooltip out. Separate from the
// entry point so tests can start it with a fake ExtensionApi and a test document.

import type { TopicDetails, TopicIndex } from '../core/corpus-types';
import type { Matcher } from '../core/matcher';
import type { PageCommand } from '../core/messages';
import { DEFAULT_SETTINGS, isActiveOn, siteOf, type Settings } from '../core/settings';
import type { ExtensionApi } from '../platform/extension-api';
import { i18n } from '../platform/i18n';
import { createAnnotator } from './annotator';
import { createLiveRegion } from './live-region';
import { watchOwnCorpus } from './own-corpus';
import { createTooltipHost, type MentionInfo, type TooltipHost } from './tooltip-host';

export interface ContentScript {
  ready: Promise<void>;
  destroy(): void;
}

function topHref(win: Window): string | null {
  try {
    return win.top?.location.href ?? null;
  } catch {
    return null;
  }
}

export function startContentScript(api: ExtensionApi, index: TopicIndex, matcher: Matcher, doc: Document): ContentScript {
  const win = doc.defaultView!;
  const isTop = win.top === win;
  // A frame follows its page's "off on this site" (srcdoc and about:blank frames have no site).
  const site = siteOf(topHref(win) ?? doc.location?.href ?? '');
  const details = new Map<string, Promise<TopicDetails>>();
  let tooltip: TooltipHost | null = null;
  let active = false;
  let settings: Settings = DEFAULT_SETTINGS;
  /** Turned off on this page only, by the keyboard shortcut. */
  let paused = false;
  let announced = false;
  const live = createLiveRegion(doc);

  const annotator = createAnnotator({
    doc,
    index,
    matcher,
    onCountsChanged: (counts) => {
      if (isTop) api.send('counts:report', { counts }).catch(() => undefined);
    },
  });

  // Own corpus packs and "Wrong match" reports: matched with the built-in corpus, live.
  const own = watchOwnCorpus({
    api,
    site,
    base: { index, matcher },
    apply: (view) => annotator.setCorpus(view.index, view.matcher),
    onPacksChanged: () => details.clear(),
  });

  function loadDetails(topicId: string): Promise<TopicDetails> {
    let p = details.get(topicId);
    if (!p) {
      p = api.send('details:get', { topicId }).then((d) => {
        if (!d) throw new Error(`no details for "${topicId}"`);
        return d;
      });
      // A failed load is retried on the next open rather than cached.
      p.catch(() => details.delete(topicId));
      details.set(topicId, p);
    }
    return p;
  }

  async function applySettings(next: Settings): Promise<void> {
    settings = next;
    active = isActiveOn(settings, site) && !paused;
    if (active && !tooltip) tooltip = createTooltipHost({ doc, mentionOf: annotator.mentionOf, loadDetails, onWrongMatch: site === null ? undefined : (m) => void own.reportWrongMatch(m) });
    if (!active && tooltip) {
      tooltip.destroy();
      tooltip = null;
    }
    await annotator.apply(settings, active);
  }

  /** The page's one summary for screen readers, after its first annotation. */
  function announce(): void {
    const topics = annotator.found().length;
    if (!isTop || announced || topics === 0) return;
    announced = true;
    live.announce(i18n.message('liveSummary', String(topics)));
  }

  function reveal(mention: MentionInfo | undefined, returnFocus?: Element | null): boolean {
    if (!mention || !tooltip) return false;
    mention.anchor.scrollIntoView({ block: 'center', behavior: 'auto' });
    mention.anchor.focus({ preventScroll: true });
    tooltip.open(mention, { returnFocus });
    return true;
  }

  async function runCommand(command: PageCommand): Promise<void> {
    if (command === 'toggle-annotations') {
      paused = !paused;
      await applySettings(settings);
      if (paused) live.announce(i18n.message('liveOff'));
      else {
        announced = false;
        announce();
      }
    } else {
      const from = doc.activeElement;
      const current = from ? annotator.mentionOf(from) : undefined;
      reveal(annotator.nextMention(null, current?.anchor ?? null), current ? undefined : from);
    }
  }

  const stopWatching = api.onSettingsChanged((s) => void applySettings(s));
  const stopAnswering = isTop
    ? api.handle({
        'page:status': () => ({ site, active, counts: annotator.counts(), found: annotator.found() }),
        'page:reveal': ({ topicId }) => {
          const current = doc.activeElement ? annotator.mentionOf(doc.activeElement) : undefined;
          return reveal(annotator.nextMention(topicId, current?.head.id === topicId ? current.anchor : null));
        },
        'page:command': async ({ command }) => {
          await runCommand(command);
          return null;
        },
      })
    : () => undefined;
  const ready = Promise.all([api.loadSettings(), own.ready]).then(([s]) => applySettings(s)).then(announce);

  return {
    ready,
    destroy() {
      stopWatching();
      stopAnswering();
      own.destroy();
      tooltip?.destroy();
      tooltip = null;
      live.destroy();
      annotator.destroy();
    },
  };
}
