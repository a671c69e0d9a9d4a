import type { TopicDetails } from '../core/corpus-types';
import { isCorpusId } from '../core/ids';
import { isReaderTarget, readerPath } from '../core/reader-link';
import { PAGE_COMMANDS, type PageCommand } from '../core/messages';
import { PACK_FILES_KEY, PACKS_KEY } from '../core/packs';
import { packDetails } from '../core/packs-stored';
import { PACKS_FLAG_SCRIPT } from '../core/content-flags';
import type { ExtensionApi } from '../platform/extension-api';
import { pageWork } from './page-work';

export { CLAIMS_MEASURE, MATCH_MEASURE } from './page-work';

const BADGE_COLOR = '#3560b0';

export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 999 ? '999+' : String(total);
}

const isPageCommand = (c: string): c is PageCommand => (PAGE_COMMANDS as readonly string[]).includes(c);

/** How soon one tab may open another reader page. */
export const READER_INTERVAL_MS = 1000;

export function startBackground(api: ExtensionApi, now: () => number = Date.now): () => void {
  const lastReader = new Map<number | null, number>();
  const readerAllowed = (tabId: number | null): boolean => {
    const t = now();
    if (t - (lastReader.get(tabId) ?? -Infinity) < READER_INTERVAL_MS) return false;
    lastReader.set(tabId, t);
    return true;
  };
  // Shortcuts go to the page the reader is looking at; pages without the content script ignore them.
  const stopCommands = api.onCommand((command) => {
    if (!isPageCommand(command)) return;
    void api.activeTabId().then((tabId) => (tabId === null ? null : api.sendToTab(tabId, 'page:command', { command }).catch(() => null)));
  });
  const stopMessages = api.handle({
    'details:get': async ({ topicId }) => {
      // Only our own ids reach the file system: a page can't steer this to another file.
      if (!isCorpusId(topicId)) return null;
      try {
        return (await api.readBundled(`details/${topicId}.json`)) as TopicDetails;
      } catch {
        // Not bundled: a topic of one of the reader's own packs (their ids never clash with ours).
        const [packs, files] = await Promise.all([api.loadLocal(PACKS_KEY), api.loadLocal(PACK_FILES_KEY)]).catch(() => [[], {}] as const);
        return packDetails(packs, files, topicId);
      }
    },
    'reader:open': async (target, sender) => {
      // A page can send anything through a content script: only a well-formed quote address opens,
      // and a tab opens at most one reader page a second (a page clicking the button in a loop).
      if (!isReaderTarget(target) || !readerAllowed(sender.tabId)) return false;
      await api.openPage(readerPath(target), sender.tabId);
      return true;
    },
    ...pageWork(api),
    'counts:report': async ({ counts }, sender) => {
      if (sender.tabId !== null && sender.frameId === 0) {
        // An open popup follows the page through this (the page's own answer, not these counts);
        // with no popup open nobody listens, which is no error.
        await Promise.all([
          api.setBadge(sender.tabId, badgeText(counts?.total ?? 0), BADGE_COLOR).catch(() => undefined),
          api.sendToPopup('tab:counts-changed', { tabId: sender.tabId }).catch(() => undefined),
        ]);
      }
      return null;
    },
  });
  // Tabs opened before an install or update get this version at once (Chromium doesn't run it
  // there by itself); an old instance in them has already gone quiet (content/start.ts).
  const stopInstalled = api.onInstalled(() => void api.injectIntoOpenTabs().catch(() => undefined));
  // While own packs are on, pages skip the first script's gate (their names aren't in it).
  // One registration change at a time: switching packs off and on quickly must end registered.
  let registering: Promise<unknown> = Promise.resolve();
  const syncPacksFlag = (packs: readonly { enabled: boolean }[], changed: boolean) => {
    const on = packs.some((p) => p.enabled);
    registering = registering.then(() => api.setEarlyScript(PACKS_FLAG_SCRIPT, on)).catch(() => undefined);
    // Tabs already open get the flag too (a quiet page there goes on to the matcher at once); not
    // on every start of the background, which the browser may restart at any time.
    if (on && changed) registering = registering.then(() => api.runInOpenTabs(PACKS_FLAG_SCRIPT.file)).catch(() => undefined);
  };
  const packsWatch = new AbortController();
  let changed = false;
  api.watch(
    PACKS_KEY,
    (packs) => {
      syncPacksFlag(packs, changed);
      changed = true;
    },
    { signal: packsWatch.signal },
  );
  return () => {
    stopCommands();
    stopMessages();
    packsWatch.abort();
    stopInstalled();
  };
}
