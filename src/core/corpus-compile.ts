// Turns a validated corpus into what ships: the matcher index loaded by every page, and one
// details record per topic, loaded only when its tooltip first opens.

import { STEM_MARK } from './automaton';
import type { Corpus } from './corpus-validate';
import { aliasText, isAmbiguous } from './corpus-validate';
import type { AliasEntry, ClaimEventHead, ClaimHead, CompiledIndex, ContextWords, Source, TopicDetails } from './corpus-types';
import { fold } from './text-fold';

/** The year of a source's date ("2022", "2022-06-01"); undefined where it has none. */
function yearOf(date: string | null | undefined): number | undefined {
  const year = /^(\d{4})/.exec(date ?? '')?.[1];
  return year === undefined ? undefined : Number(year);
}

export function compileIndex(corpus: Corpus, context: ContextWords, version: string): CompiledIndex {
  const aliases: Record<string, AliasEntry> = {};
  const stems: string[] = [];
  corpus.topics.forEach((topic, index) => {
    for (const a of topic.aliases) {
      let key = fold(aliasText(a));
      if (key.endsWith(STEM_MARK)) {
        key = key.slice(0, -STEM_MARK.length);
        stems.push(key);
      }
      aliases[key] ??= { topic: index, alias: aliasText(a), ambiguous: isAmbiguous(a) || topic.needsContext === true };
    }
    for (const look of topic.notAliases ?? []) aliases[fold(look)] ??= { topic: -1, alias: look, ambiguous: false, of: index };
  });
  const claims: Record<number, ClaimHead[]> = {};
  const sourceYears = new Map(corpus.sources.map((src) => [src.id, yearOf(src.date)]));
  corpus.topics.forEach((topic, index) => {
    const shared = topic.aliases.filter(isAmbiguous).map(aliasText);
    if (topic.claims?.length)
      claims[index] = topic.claims.map((c): ClaimHead => {
        const sourceYear = c.attribute === 'date' && c.value.year === undefined ? sourceYears.get(c.quote.source) : undefined;
        return {
          ...(c.attribute === 'date' ? { attribute: 'date', value: c.value } : { attribute: 'count', value: c.value, units: c.units }),
          ...(sourceYear !== undefined && { sourceYear }),
          ...(topic.claimsVia && { via: topic.claimsVia }),
          ...(shared.length > 0 && { shared }),
        };
      });
  });
  const topicIndex = new Map(corpus.topics.map((t, i) => [t.id, i]));
  const claimEvents: ClaimEventHead[] = corpus.topics.flatMap((topic, index) =>
    (topic.claimEvents ?? []).map((e) => ({
      topic: index,
      phrases: e.phrases,
      with: e.with.map((id) => topicIndex.get(id)!),
      ...(e.dated && { dated: true as const }),
      ...(e.recurs && { recurs: true as const }),
    })),
  );
  for (const stem of stems) aliases[stem] = { ...aliases[stem]!, stem: true };
  return {
    version,
    aliases,
    context: {
      japan: context.japan.map(fold),
      russia: context.russia.map(fold),
      dispute: context.dispute.map(fold),
      titles: context.titles.map((w) => w.toLowerCase()),
      nameFollowers: context.nameFollowers.map((w) => w.toLowerCase()),
    },
    topics: corpus.topics.map((t) => ({
      id: t.id,
      name: t.name,
      category: t.category,
      ...(t.pageAnchor && { anchor: true as const }),
      ...(t.notAnchoring && { notAnchoring: t.notAnchoring }),
    })),
    categories: corpus.categories,
    claims,
    ...(claimEvents.length > 0 && { claimEvents }),
  };
}

export function compileDetails(corpus: Corpus, version: string): TopicDetails[] {
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  return corpus.topics.map((topic) => {
    const cited = new Set(
      [topic.facts, topic.viewpoints ?? [], topic.names ?? [], topic.discrepancies ?? []]
        .flat()
        .flatMap((x) => x.quotes.map((q) => q.source))
        .concat((topic.claims ?? []).map((c) => c.quote.source)),
    );
    const citedSources: TopicDetails['sources'] = {};
    for (const id of cited) {
      const { file: _file, ...meta }: Source = sources.get(id)!;
      citedSources[id] = meta;
    }
    const category = corpus.categories.find((c) => c.id === topic.category)!;
    return { topic, category, sources: citedSources, corpusVersion: version };
  });
}
