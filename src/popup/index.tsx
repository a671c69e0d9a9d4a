import { render } from 'preact';
import meta from '../../build/generated/meta.json';
import type { Category } from '../core/corpus-types';
import { browserApi } from '../platform/browser-api';
import { Popup, type PopupApi } from '../ui/Popup';

// Opened as a page (tests, or a pinned tab) the popup can be pointed at a tab with ?tab=ID,
// since the active tab is then the popup itself.
const requested = Number(new URLSearchParams(location.search).get('tab'));
const api: PopupApi = Number.isInteger(requested) && requested > 0 ? { ...browserApi, activeTabId: async () => requested } : browserApi;

render(
  <Popup api={api} categories={meta.categories as Category[]} corpusVersion={meta.version} topicCount={meta.topicCount} />,
  document.getElementById('app')!,
);
