// What the top frame tells the popup about the page (its report), and where it takes the reader
// (scrolling a mention into view): apart from the wiring in start.ts.

import type { PageReport, PageStatus } from '../core/messages';
import type { Annotator } from './annotator';
import type { PageMention } from './mentions';

/** What the popup shows of the page: whether Backstory runs on it, and what it found. */
export function pageStatus(
  site: string | null,
  active: boolean,
  annotator: Pick<Annotator, 'counts' | 'found' | 'skipped' | 'unshown' | 'mode'>,
): PageStatus {
  const { skipped, unshown, mode } = annotator;
  return { site, active, counts: annotator.counts(), found: annotator.found(), skipped, unshown, mode };
}

/** The statements checked and the topics found, for the popup's page report. */
export function pageReport(doc: Document, annotator: Pick<Annotator, 'checks' | 'found'>): PageReport {
  return {
    title: doc.title,
    url: doc.location.href,
    checks: annotator
      .checks()
      .flatMap((m) =>
        m.check ? [{ topicId: m.head.id, verdict: m.check.verdict, claims: m.check.claims, stated: m.check.stated, sentence: m.check.sentence }] : [],
      ),
    found: annotator.found(),
  };
}

/** Brings a mention into view: its own element (mark mode), its line boxes, or its text's element. */
export function scrollToMention(win: Window, mention: PageMention, el: HTMLElement | null, rectOf: (m: PageMention) => DOMRect | null): void {
  if (el) {
    el.scrollIntoView({ block: 'center', behavior: 'auto' });
    return;
  }
  const rect = rectOf(mention);
  if (!rect) {
    // Not laid out where it is now (scrolled far away): its text node's element is.
    mention.start.node.parentElement?.scrollIntoView({ block: 'center', behavior: 'auto' });
    return;
  }
  if (rect.top < 0 || rect.bottom > win.innerHeight) win.scrollBy({ top: rect.top - win.innerHeight / 2, behavior: 'auto' });
}
