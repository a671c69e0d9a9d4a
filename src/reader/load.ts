// What the reader page shows for an address: the source's full text (bundled with the extension,
// or from the enabled pack that holds the topic) and where the quote lies in it. Everything is
// read locally; nothing leaves the machine.

import type { SourceDocument } from '../core/corpus-types';
import { isObj } from '../core/guards';
import { PACK_FILES_KEY, PACKS_KEY } from '../core/packs';
import { packSource } from '../core/packs-stored';
import { locateQuote } from '../core/quote-locate';
import type { ReaderTarget } from '../core/reader-link';
import type { ExtensionApi } from '../platform/extension-api';
import type { DocumentOrigin, ReaderState } from '../ui/Reader';

export type ReaderApi = Pick<ExtensionApi, 'readBundled' | 'loadLocal'>;

const orNull = (p: Promise<unknown>): Promise<unknown> => p.catch(() => null);

function isDocument(v: unknown): v is SourceDocument {
  return isObj(v) && typeof v.id === 'string' && typeof v.title === 'string' && typeof v.text === 'string' && typeof v.language === 'string';
}

async function findDocument(
  api: ReaderApi,
  target: ReaderTarget,
  corpusVersion: string,
): Promise<{ document: SourceDocument; origin: DocumentOrigin } | null> {
  // A built-in topic's quotes come from the built-in sources; otherwise from the topic's own pack
  // (a pack may reuse a source id of ours for another document).
  if (await orNull(api.readBundled(`details/${target.topicId}.json`))) {
    const document = await orNull(api.readBundled(`sources/${target.sourceId}.json`));
    return isDocument(document) ? { document, origin: { kind: 'bundled', corpusVersion } } : null;
  }
  const [packs, files] = await Promise.all([api.loadLocal(PACKS_KEY), api.loadLocal(PACK_FILES_KEY)]);
  const found = packSource(packs, files, target.topicId, target.sourceId);
  return found ? { document: found.document, origin: { kind: 'pack', packName: found.packName } } : null;
}

export async function loadReader(api: ReaderApi, target: ReaderTarget | null, corpusVersion: string): Promise<ReaderState> {
  if (!target) return { kind: 'error', message: 'readerNoAddress' };
  const found = await findDocument(api, target, corpusVersion).catch(() => null);
  if (!found) return { kind: 'error', message: 'readerNoSource' };
  return { kind: 'ready', ...found, quote: locateQuote(found.document.text, target.quote) };
}
