// Messages: only our own shapes get through a channel, and (checked by tsc in `npm test`) a
// message sent the wrong way doesn't compile.
import { describe, expect, it } from 'vitest';
import { isMessage } from '../../src/core/messages';
import type { ContentApi } from '../../src/platform/content-api';
import type { ExtensionApi } from '../../src/platform/extension-api';

/** Never called: each line must fail to compile, or tsc reports the unused @ts-expect-error. */
function misrouted(api: ExtensionApi, page: ContentApi): void {
  // @ts-expect-error: a page's message can't be sent to the background
  void api.send('page:status', {});
  // @ts-expect-error: the background's message can't be sent to a tab
  void api.sendToTab(1, 'details:get', { topicId: 'shikotan' });
  // @ts-expect-error: the background doesn't answer page messages
  api.handle({ 'page:reveal': () => true });
  // @ts-expect-error: a page doesn't answer the background's messages
  page.handle({ 'details:get': () => null });
  // @ts-expect-error: a message to popups isn't sent to a tab
  void api.sendToTab(1, 'tab:counts-changed', { tabId: 1 });
  // @ts-expect-error: a page's message isn't sent to popups
  void api.sendToPopup('page:status', {});
  // @ts-expect-error: the background doesn't answer messages to popups
  api.handle({ 'tab:counts-changed': () => null });
  // @ts-expect-error: a popup doesn't answer the background's messages
  api.handlePopup({ 'counts:report': () => null });
  // @ts-expect-error: a page doesn't answer messages to popups
  page.handle({ 'tab:counts-changed': () => null });
}

describe('message directions', () => {
  it('are checked by the compiler: misrouted() holds the messages that must not compile', () => {
    expect(misrouted).toBeTypeOf('function');
  });
});

describe('isMessage', () => {
  it('lets through our own message types only, with a payload', () => {
    expect(isMessage({ type: 'details:get', payload: { topicId: 'shikotan' } })).toBe(true);
    expect(isMessage({ type: 'page:report', payload: {} })).toBe(true);
    for (const bad of [
      null,
      'details:get',
      { type: 'details:get' },
      { type: 'toString', payload: {} },
      { type: '__proto__', payload: {} },
      { type: 'x', payload: {} },
    ]) {
      expect(isMessage(bad)).toBe(false);
    }
  });
});
