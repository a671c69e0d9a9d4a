// The messages between content scripts, the background and the popup, one map per direction.
// Sender and receiver both type-check against it.

import type { Verdict } from './claims';
import type { ClaimsAnswer, ClaimsRequest } from './claims-request';
import type { AskedAnswer, MatchRequest } from './match-request';
import type { TopicDetails } from './corpus-types';
import { isObj } from './guards';
import type { ReaderTarget } from './reader-link';

export interface MentionCounts {
  total: number;
  /** Statements on the page that the sources contradict. */
  conflicts: number;
  byCategory: Record<string, number>;
  byTopic: Record<string, number>;
}

/** A topic found on the page, for the popup's overview. */
export interface FoundTopic {
  id: string;
  name: string;
  category: string;
  count: number;
}

export interface PageStatus {
  /** The page's site, for "off on this site"; null where the notion doesn't apply. */
  site: string | null;
  /** Whether annotations are shown on this page under the current settings. */
  active: boolean;
  counts: MentionCounts;
  /** In order of first appearance on the page. */
  found: FoundTopic[];
  /** Parts of the page left unscanned because they were nested too deep to be prose. */
  skipped: number;
  /** Mentions found but not shown: more than the page can paint without slowing down (content/paint-highlights.ts). */
  unshown: number;
  /** How mentions are shown: painted highlights or <mark> elements (null while off). */
  mode: 'highlights' | 'marks' | null;
}

/** A statement on the page checked against the sources, as the page report lists it. */
export interface CheckedStatement {
  topicId: string;
  verdict: Verdict;
  /** Indexes into the topic's claims that the statement was compared with. */
  claims: number[];
  /** The page's words for the value. */
  stated: string;
  /** The sentence they stand in. */
  sentence: string;
}

/** What a journalist's page report is made of; the popup adds the sources' quotes and citations. */
export interface PageReport {
  title: string;
  url: string;
  checks: CheckedStatement[];
  /** In order of first appearance on the page. */
  found: FoundTopic[];
}

/**
 * What content scripts (and the popup) ask the background. One map per direction: a message sent
 * the wrong way (a page message to the background) doesn't compile.
 */
export interface ToBackground {
  /** content, popup → background: a topic's tooltip details, read from the bundled files. */
  'details:get': { request: { topicId: string }; response: TopicDetails | null };
  /** content → background: open the reader page at a tooltip's quote, in its source. */
  'reader:open': { request: ReaderTarget; response: boolean };
  /** content → background: the page's mention counts, for the action badge. */
  'counts:report': { request: { counts: MentionCounts }; response: null };
  /** content → background: the page's statements checked against the sources, off the page's main thread (claims-request.ts). */
  'claims:check': { request: ClaimsRequest; response: ClaimsAnswer };
  /** content → background: the mentions in a batch of the page's text, found off the page's main thread (match-request.ts); null if it can't. */
  'match:find': { request: MatchRequest; response: AskedAnswer | null };
}

/** What the popup and the background ask a tab's content script (its top frame). */
export interface ToPage {
  /** popup → content (top frame): what Backstory is doing on the current page. */
  'page:status': { request: Record<string, never>; response: PageStatus };
  /** popup → content (top frame): the statements checked and the topics found, for the page report. */
  'page:report': { request: Record<string, never>; response: PageReport };
  /** popup → content (top frame): scroll to the topic's next mention and open its tooltip. */
  'page:reveal': { request: { topicId: string }; response: boolean };
  /** background → content (top frame): a keyboard shortcut was pressed. */
  'page:command': { request: { command: PageCommand }; response: null };
}

/**
 * What the background tells the extension's own pages. Only the tab's id travels, never what a
 * page sent: a popup asks the page itself (`page:status`) for everything it shows.
 */
export interface ToPopup {
  /** background → popup: a tab's top frame reported new counts; a popup showing that tab asks again. */
  'tab:counts-changed': { request: { tabId: number }; response: null };
}

/**
 * An open popup's port to the page it shows (top frame): the page says there when its counts
 * change, so the popup follows it without a round trip through the background (a background
 * being stopped or started by the browser could drop that word).
 */
export const FOLLOW_PORT = 'backstory:follow';
/**
 * A content script's port to the background for its bulk work (WORK_MESSAGES), rather than a
 * sendMessage per request: platform/work-port.ts.
 */
export const WORK_PORT = 'backstory:work';
/** What a page asks the background over its WORK_PORT: its text searched, its statements checked. */
export const WORK_MESSAGES = ['match:find', 'claims:check'] as const satisfies readonly BackgroundMessage[];
export type WorkMessage = (typeof WORK_MESSAGES)[number];
export const isWorkMessage = (type: string): type is WorkMessage => (WORK_MESSAGES as readonly string[]).includes(type);
/** The one thing said on a FOLLOW_PORT: ask the page again. */
export const COUNTS_CHANGED = 'counts-changed';

export const isCountsChanged = (v: unknown): boolean => isObj(v) && v.type === COUNTS_CHANGED;

export type MessageMap = ToBackground & ToPage & ToPopup;
export type BackgroundMessage = keyof ToBackground;
export type PageMessage = keyof ToPage;
export type PopupMessage = keyof ToPopup;

export type PageCommand = 'toggle-annotations' | 'next-mention';
export const PAGE_COMMANDS: readonly PageCommand[] = ['toggle-annotations', 'next-mention'];

export type MessageType = keyof MessageMap;
export type Request<K extends MessageType> = MessageMap[K]['request'];
export type Response<K extends MessageType> = MessageMap[K]['response'];
export type Message = { [K in MessageType]: { type: K; payload: Request<K> } }[MessageType];

const TYPES: Record<MessageType, true> = {
  'details:get': true,
  'counts:report': true,
  'reader:open': true,
  'claims:check': true,
  'match:find': true,
  'page:status': true,
  'page:report': true,
  'page:reveal': true,
  'page:command': true,
  'tab:counts-changed': true,
};

/** Anything can arrive on a message channel; only our own shapes get through. */
export function isMessage(v: unknown): v is Message {
  return isObj(v) && typeof v.type === 'string' && Object.hasOwn(TYPES, v.type) && typeof v.payload === 'object';
}

export function emptyCounts(): MentionCounts {
  return { total: 0, conflicts: 0, byCategory: {}, byTopic: {} };
}
