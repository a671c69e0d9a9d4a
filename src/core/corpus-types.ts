// The corpus as authored in data/ and as compiled by build.mjs. Pure types: shared by the
// build-time validator, the content script and the UI.

export interface Category {
  id: string;
  label: string;
  /** Highlight colour on light pages; the dark theme derives its own. */
  color: string;
}

export interface Source {
  id: string;
  /** The full text file beside the metadata; used only at build time to check quotes. */
  file: string;
  title: string;
  publisher: string | null;
  author: string | null;
  /** ISO 8601, as precise as the document itself is: "2022-03-23", "2022". */
  date: string | null;
  /** The date as the document prints it. */
  dateText: string | null;
  language: string;
  /** Only when the document itself gives an address; never guessed. */
  url: string | null;
  notes?: string;
}

/** A verbatim passage of a bundled source. */
export interface QuoteRef {
  source: string;
  text: string;
}

/** An alias either always fires, or (ambiguous) needs supporting context nearby. */
export type Alias = string | { text: string; ambiguous: true };

export interface Fact {
  text: string;
  quotes: QuoteRef[];
}

export interface Viewpoint {
  /** Who holds the position: "Japanese government", "Russian government", "Critics of Abe's approach". */
  holder: string;
  position: string;
  quotes: QuoteRef[];
}

/** Who uses which name, where the name itself takes a side. */
export interface NameUsage {
  name: string;
  usedBy: string;
  quotes: QuoteRef[];
}

/** Where documents disagree with each other or with themselves. */
export interface Discrepancy {
  about: string;
  note: string;
  quotes: QuoteRef[];
}

/** A date as precise as its source: "On March 21" has no year, "October 1993" no day. */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

/**
 * A fact in checkable form: what a page may state about the topic, with the quote that says it.
 * The quote must state the value; the build checks that it does.
 */
export type Claim =
  | { attribute: 'date'; label: string; value: DateParts; quote: QuoteRef }
  | { attribute: 'count'; label: string; value: number; units: string[]; quote: QuoteRef };

export interface Topic {
  id: string;
  name: string;
  category: string;
  aliases: Alias[];
  /**
   * Every alias needs the dispute's context nearby: for world-news topics (Putin, Ukraine, NATO)
   * whose tooltip would be noise on a page that isn't about Japan and Russia.
   */
  needsContext?: boolean;
  /**
   * A mention of this topic shows that the page is about the dispute itself (the disputed islands,
   * the agreements about them): only on such a page do ambiguous names stand, even with Japan and
   * Russia named nearby ("Kishida" and "invasion of Ukraine" on a Japan–China summit page don't).
   */
  pageAnchor?: boolean;
  /**
   * Aliases of a pageAnchor topic that don't show a page is about the dispute: names of the whole
   * Kuril chain, which weather reports and geology articles use too. Their mentions, ambiguous or
   * not, stand only once something else shows it (another anchor topic, or the page's title).
   */
  notAnchoring?: string[];
  /** Look-alikes that must never fire for this topic ("Tokyo Declaration on African Development"). */
  notAliases?: string[];
  summary: string;
  facts: Fact[];
  viewpoints?: Viewpoint[];
  names?: NameUsage[];
  discrepancies?: Discrepancy[];
  claims?: Claim[];
  /**
   * The aliases that name the very event the claims are about; without it, every alias does.
   * ("Russian constitution" names the 1993 constitution, not its 2020 revision; "Japan's surrender"
   * is not the Soviet entry into the war.)
   */
  claimsVia?: string[];
  /**
   * How news writes the event without naming it, for claim checks only (never highlighted):
   * "Abe and Putin met in Singapore on …" is the Singapore summit when both leaders are named in
   * the same sentence.
   */
  claimEvents?: ClaimEventRule[];
}

/** Phrases that stand for a topic's event in a sentence that also names every topic in `with`. */
export interface ClaimEventRule {
  phrases: string[];
  /** Topic ids, all of which the sentence must mention. */
  with: string[];
  /**
   * The phrases name the body that acts ("General Assembly"), and stand for the event only in a
   * sentence stating the event's own date (dated-events.ts): other acts of that body had other dates.
   */
  dated?: true;
  /**
   * The act recurs in other years ("the Soviet Union invaded Manchuria" in 1929 too): a date stated
   * with another year than the claim's is left alone.
   */
  recurs?: true;
}

/** A ClaimEventRule as the content script reads it: the event's topic, its phrases as written (matched case for case), topic indexes. */
export interface ClaimEventHead {
  topic: number;
  phrases: string[];
  with: number[];
  /** See ClaimEventRule.dated. */
  dated?: true;
  /** See ClaimEventRule.recurs. */
  recurs?: true;
}

/** A claim as the content script checks it: the value without its quote (and the aliases it is checked through). */
export type ClaimHead = (
  | {
      attribute: 'date';
      value: DateParts;
      /**
       * For a date the source gives without its year ("On 21 March" in a commentary of 2022): the
       * year of the source itself. A statement is compared with it only when it states that year.
       */
      sourceYear?: number;
    }
  | { attribute: 'count'; value: number; units: string[] }
) & {
  via?: string[];
  /**
   * The topic's names other events share (aliases marked ambiguous: "Joint Declaration", 共同宣言):
   * a value is never judged against the topic through one of them (Japan and South Korea signed a
   * Joint Declaration in 1998).
   */
  shared?: string[];
};

/** What the content script loads up front: the matcher and nothing else. */
export interface CompiledIndex {
  version: string;
  /**
   * Folded alias key → entry. Stem aliases (Russian case endings) are keyed by their stem. The
   * matcher builds its trie from these keys when it starts (cheaper than shipping the trie).
   */
  aliases: Record<string, AliasEntry>;
  /** What makes an ambiguous alias plausible. */
  context: ContextPatterns;
  topics: TopicHead[];
  categories: Category[];
  /** Topic index → its checkable claims, in the order of Topic.claims. */
  claims: Record<number, ClaimHead[]>;
  /** Events written without their names (Topic.claimEvents); none in older indexes and packs. */
  claimEvents?: ClaimEventHead[];
}

/** Folded words (a trailing * takes any ending), matched through small tries; see data/context.json. */
export interface ContextPatterns {
  japan: string[];
  russia: string[];
  dispute: string[];
  /** Capitalized words that may stand right before a bare surname ("Prime Minister Abe"). */
  titles: string[];
  /** Capitalized words that may follow one ("Abe Administration"). */
  nameFollowers: string[];
}

export interface ContextWords {
  japan: string[];
  russia: string[];
  dispute: string[];
  titles: string[];
  nameFollowers: string[];
}

/** A compiled word list as shipped (see automaton.ts). */
export interface PackedAutomaton {
  nodes: string;
  labels: string;
  /** RegExp source that finds every place a word may start (its first characters): see automaton.ts. */
  starts: string;
}

/**
 * The matcher as build.mjs ships it to every page: automata instead of an alias map, so a page
 * decodes two strings instead of building a trie or evaluating a large object.
 */
export interface PackedMatcher {
  aliases: PackedAutomaton;
  /** Per alias entry: (topic + 1) << 1 | ambiguous; topic -1 is a look-alike that stops a match. */
  entries: number[];
  /** The aliases as authored, in entry order, joined by NAME_SEPARATOR. */
  names: string;
  japan: PackedAutomaton;
  russia: PackedAutomaton;
  dispute: PackedAutomaton;
  titles: string[];
  nameFollowers: string[];
}

/** What every page loads: the packed matcher and the few labels a mention needs. */
export interface PageIndex {
  version: string;
  matcher: PackedMatcher;
  topics: TopicHead[];
  categories: Category[];
  claims: Record<number, ClaimHead[]>;
  claimEvents?: ClaimEventHead[];
}

/** What a page needs of a corpus beside its matcher: built-in, own packs or both combined. */
export type TopicIndex = Pick<PageIndex, 'version' | 'topics' | 'categories' | 'claims' | 'claimEvents'>;

export interface AliasEntry {
  /** Index into CompiledIndex.topics; -1 for a look-alike that stops a match. */
  topic: number;
  alias: string;
  ambiguous: boolean;
  /** Russian case endings may follow. */
  stem?: true;
  /** For a look-alike: the topic it resembles (index into CompiledIndex.topics). */
  of?: number;
}

export interface TopicHead {
  id: string;
  name: string;
  category: string;
  /** Named on a page, it shows the page is about the dispute (Topic.pageAnchor). */
  anchor?: true;
  /** Its aliases (as authored) that don't show that (Topic.notAnchoring). */
  notAnchoring?: string[];
}

/** What a tooltip loads on first open: one topic with the sources it cites. */
/** A source with its full text, as the reader page shows it (sources/<id>.json, or a pack's own). */
export type SourceDocument = Omit<Source, 'file'> & { text: string };

export interface TopicDetails {
  topic: Topic;
  category: Category;
  sources: Record<string, Omit<Source, 'file'>>;
  corpusVersion: string;
}
