import type { TopicDetails } from '../core/corpus-types';
import type { ExtensionApi } from '../platform/extension-api';

const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BADGE_COLOR = '#3560b0';

export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 999 ? '999+' : String(total);
}

export function startBackground(api: ExtensionApi): () => void {
  return api.handle({
    'details:get': async ({ topicId }) => {
      // Only our own ids reach the file system: a page can't steer this to another file.
      if (typeof topicId !== 'string' || !TOPIC_ID.test(topicId)) return null;
      try {
        return (await api.readBundled(`details/${topicId}.json`)) as TopicDetails;
      } catch {
        return null;
      }
    },
    'counts:report': async ({ counts }, sender) => {
      if (sender.tabId !== null && sender.frameId === 0) {
        await api.setBadge(sender.tabId, badgeText(counts?.total ?? 0), BADGE_COLOR).catch(() => undefined);
      }
      return null;
    },
  });
}
