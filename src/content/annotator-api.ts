// What the content script asks of the annotator, and what it gives it.

import type { ClaimChecker } from '../core/claims-request';
import type { TopicIndex } from '../core/corpus-types';
import type { PageMatcher } from '../core/match-request';
import type { FoundTopic, MentionCounts } from '../core/messages';
import type { Settings } from '../core/settings';
import type { PageMention } from './mentions';
import type { LazyModules } from './modules';
import type { PaintMode } from './painter';
import type { Reach } from './reach';

export interface Annotator {
  /** Applies settings: scans, rescans or clears as needed. Resolves when the page is in step. */
  apply(settings: Settings, active: boolean): Promise<void>;
  /** Matches with another corpus view (own packs, false matches left out): rescans if active. */
  setCorpus(index: TopicIndex, matcher: PageMatcher): Promise<void>;
  /** The mention under the pointer, if any. */
  mentionAt(x: number, y: number, target: Element): PageMention | undefined;
  /** The mention an element of ours belongs to (a mark, in mark mode). */
  mentionOf(el: Element): PageMention | undefined;
  rectOf(mention: PageMention): DOMRect | null;
  /** Shows where the keyboard is (null: nowhere); returns the element to focus, in mark mode. */
  focus(mention: PageMention | null): HTMLElement | null;
  counts(): MentionCounts;
  /** The topics found, in order of first appearance on the page. */
  found(): FoundTopic[];
  /** The mentions shown (not the checked statements), in reading order. */
  mentions(): PageMention[];
  /** The statements checked against the sources, in reading order. */
  checks(): PageMention[];
  /** Checks every statement still waiting for the reader to come near it, after the scans queued (the page report lists them all). */
  checkAll(): Promise<void>;
  /**
   * The topic's (or any topic's) next mention in reading order after `after` (a mention, or an
   * element such as where focus is), cycling; the first without `after`.
   */
  nextMention(topicId: string | null, after: PageMention | Element | null): PageMention | undefined;
  /** How mentions are shown now (null while inactive). */
  readonly mode: PaintMode | null;
  /** Subtrees left unscanned because they were nested beyond any page's need. */
  readonly skipped: number;
  /** Mentions found but not shown, past the painter's limit (Painter.limit). */
  readonly unshown: number;
}

export interface AnnotatorOptions {
  doc: Document;
  index: TopicIndex;
  matcher: PageMatcher;
  modules: Pick<LazyModules, 'marks'>;
  /** Checks statements against the sources (the background, in the extension). */
  checker: ClaimChecker;
  /** Aborting removes everything shown and stops watching the page. */
  signal: AbortSignal;
  /** Asked before reacting to the page: false once the extension is gone (the caller then aborts). */
  alive?: () => boolean;
  /** Called on every change to the mentions shown (what they add up to is read from counts()). */
  onCountsChanged?: () => void;
  /** Where the reader is: in highlight mode, statements wait until the reader comes near. Without it, each scan checks its statements at once. */
  reach?: Reach | null;
}
