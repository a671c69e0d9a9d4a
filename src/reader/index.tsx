import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import meta from '../../build/generated/meta.json';
import { parseReaderQuery } from '../core/reader-link';
import { browserApi } from '../platform/browser-api';
import { t } from '../ui/i18n';
import { Reader, type ReaderState } from '../ui/Reader';
import { loadReader } from './load';

function ReaderPage() {
  const [state, setState] = useState<ReaderState>({ kind: 'loading' });
  useEffect(() => {
    void loadReader(browserApi, parseReaderQuery(location.search), meta.version).then((next) => {
      if (next.kind === 'ready') document.title = t('readerTitle', next.document.title);
      setState(next);
    });
  }, []);
  return <Reader state={state} />;
}

render(<ReaderPage />, document.getElementById('app')!);
