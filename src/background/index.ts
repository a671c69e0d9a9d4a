// The background: answers tooltip detail requests from the bundled files and keeps the action
// badge in step with each tab's mention count. It keeps no state of its own, so the browser
// may stop and restart it at any time.

import { browserApi } from '../platform/browser-api';
import { startBackground } from './start';

startBackground(browserApi);
