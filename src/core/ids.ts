/** Topic, source and pack ids, as the corpus and packs write them: lower-case words joined by hyphens. */
export const CORPUS_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isCorpusId = (v: unknown): v is string => typeof v === 'string' && CORPUS_ID.test(v);
