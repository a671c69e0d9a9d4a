// The one map of messages between content scripts, the background and the popup. Sender and
// receiver both type-check against it.

import type { TopicDetails } from './corpus-types';

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
  /** How mentions are shown: painted highlights or <mark> elements (null while off). */
  mode: 'highlights' | 'marks' | null;
}

export interface MessageMap {
  /** content → background: a topic's tooltip details, read from the bundled files. */
  'details:get': { request: { topicId: string }; response: TopicDetails | null };
  /** content → background: the page's mention counts, for the action badge. */
  'counts:report': { request: { counts: MentionCounts }; response: null };
  /** popup → content (top frame): what Backstory is doing on the current page. */
  'page:status': { request: Record<string, never>; response: PageStatus };
  /** popup → content (top frame): scroll to the topic's next mention and open its tooltip. */
  'page:reveal': { request: { topicId: string }; response: boolean };
  /** background → content (top frame): a keyboard shortcut was pressed. */
  'page:command': { request: { command: PageCommand }; response: null };
}

export type PageCommand = 'toggle-annotations' | 'next-mention';
export const PAGE_COMMANDS: readonly PageCommand[] = ['toggle-annotations', 'next-mention'];

export type MessageType = keyof MessageMap;
export type Request<K extends MessageType> = MessageMap[K]['request'];
export type Response<K extends MessageType> = MessageMap[K]['response'];
export type Message = { [K in MessageType]: { type: K; payload: Request<K> } }[MessageType];

const TYPES: Record<MessageType, true> = {
  'details:get': true,
  'counts:report': true,
  'page:status': true,
  'page:reveal': true,
  'page:command': true,
};

/** Anything can arrive on a message channel; only our own shapes get through. */
export function isMessage(v: unknown): v is Message {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { type?: unknown }).type === 'string' &&
    Object.hasOwn(TYPES, (v as { type: string }).type) &&
    typeof (v as { payload?: unknown }).payload === 'object'
  );
}

export function emptyCounts(): MentionCounts {
  return { total: 0, conflicts: 0, byCategory: {}, byTopic: {} };
}
