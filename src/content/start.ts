// Wires the content script together: settings in, highlights and tooltip out. Separate from the
// entry point so tests can start it with a fake ExtensionApi and a test document.

import type { CompiledIndex, TopicDetails } from '../core/corpus-types';
import { createMatcher } from '../core/matcher';
import { isActiveOn, siteOf } from '../core/settings';
import type { ExtensionApi } from '../platform/extension-api';
import { createAnnotator } from './annotator';
import { createTooltipHost, type TooltipHost } from './tooltip-host';

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

export function startContentScript(api: ExtensionApi, index: CompiledIndex, doc: Document): ContentScript {
  const win = doc.defaultView!;
  const isTop = win.top === win;
  // A frame follows its page's "off on this site" (srcdoc and about:blank frames have no site).
  const site = siteOf(topHref(win) ?? doc.location?.href ?? '');
  const matcher = createMatcher(index);
  const details = new Map<string, Promise<TopicDetails>>();
  let tooltip: TooltipHost | null = null;
  let active = false;

  const annotator = createAnnotator({
    doc,
    index,
    matcher,
    onCountsChanged: (counts) => {
      if (isTop) api.send('counts:report', { counts }).catch(() => undefined);
    },
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

  async function applySettings(settings: Awaited<ReturnType<ExtensionApi['loadSettings']>>): Promise<void> {
    active = isActiveOn(settings, site);
    if (active && !tooltip) tooltip = createTooltipHost({ doc, mentionOf: annotator.mentionOf, loadDetails });
    if (!active && tooltip) {
      tooltip.destroy();
      tooltip = null;
    }
    await annotator.apply(settings, active);
  }

  const stopWatching = api.onSettingsChanged((s) => void applySettings(s));
  const stopAnswering = api.handle({
    'page:status': () => ({ site, active, counts: annotator.counts() }),
  });
  const ready = api.loadSettings().then(applySettings);

  return {
    ready,
    destroy() {
      stopWatching();
      stopAnswering();
      tooltip?.destroy();
      tooltip = null;
      annotator.destroy();
    },
  };
}
