// Finds topic mentions in a run of text with the alias automaton compiled at build time.
// Pure: the content script feeds it text, tests feed it strings.

import { compileAutomaton, containsWord, mayContainWord, nextStart, STEM_MARK, unpackAutomaton, walk, walkText, type Automaton } from './automaton';
import type { CompiledIndex, PackedMatcher } from './corpus-types';
import { foldChars } from './text-fold';
import {
  FUNCTION_WORDS,
  isCapitalized,
  isDiscourseWord,
  isHanCode,
  isHanOnly,
  isLatinSurname,
  namesOtherPair,
  PATRONYMIC,
  sameTextAfter,
  sameTextBefore,
  SHORT_KANJI_NAME,
  wordAfter,
  wordBefore,
} from './name-neighbours';

export interface Mention {
  start: number;
  end: number;
  /** Index into the index's topics. */
  topic: number;
  /** The alias as authored, and why it fired: for the tooltip and for debugging. */
  alias: string;
  rule: 'alias' | 'context' | 'page';
  /**
   * Set on an ambiguous mention without context nearby: it stands only if the page as a whole
   * turns out to be about the dispute (see MIN_STRONG_MENTIONS).
   */
  deferred?: boolean;
}

export type MatchRule = Mention['rule'];

/**
 * Strong mentions (mentions.ts isStrong) that make a page that names the dispute (an anchor topic, or a title
 * naming Japan and Russia) plainly about it, so its ambiguous names stand without context nearby.
 * Two, not three: short news pages name the dispute once or twice, then write "Лавров" or "Abe"
 * on their own (measured on 52 real pages: Russian recall 87.6 → 93.0%, no look-alike more).
 */
export const MIN_STRONG_MENTIONS = 2;

export interface MatchOptions {
  /**
   * The page as a whole is about Japan and Russia (e.g. its title says so). A function is asked
   * only when an ambiguous name needs it, so most pages never pay for the check.
   */
  pageHasContext?: boolean | (() => boolean);
  /**
   * Told the topic a look-alike resembles each time one is read ("Etorofu-class" → etorofu): a
   * page naming the escort ships is about them, so it can't be shown about the dispute by the
   * same name (see MatchTriage).
   */
  onLookalike?: (topic: number, start: number) => void;
}

/** How far around an ambiguous alias supporting words are looked for, in characters. */
export const CONTEXT_WINDOW = 300;
export { RUN_SEPARATOR } from './name-neighbours';
/** The authored aliases in PackedMatcher.names are joined by this. */
export const NAME_SEPARATOR = '\u0001';

/** Text folded for matching (same length as the text, so offsets carry over). */
export interface PreparedText {
  text: string;
  folded: string;
  walked: string;
}

/** Folds text for matching; folding is character for character, so long text may be prepared in pieces and joined. */
export function prepareText(text: string): PreparedText {
  const folded = foldChars(text);
  return { text, folded, walked: walkText(folded) };
}

/** Joins texts prepared piece by piece. */
export function joinPrepared(parts: readonly PreparedText[]): PreparedText {
  if (parts.length === 1) return parts[0]!;
  return { text: parts.map((p) => p.text).join(''), folded: parts.map((p) => p.folded).join(''), walked: parts.map((p) => p.walked).join('') };
}

export interface Matcher {
  findAll(text: string, options?: MatchOptions): Mention[];
  /** Mentions starting in [from, to) of a prepared text; context is read from the whole text. */
  findIn(prepared: PreparedText, from: number, to: number, options?: MatchOptions): Mention[];
  /** Whether text is about Japan and Russia: words of both sides, or of the dispute itself. */
  hasContext(text: string): boolean;
  /**
   * Whether the text may name an alias somewhere: false only if no run of text inside it (a
   * block's textContent joins its runs without a break) can hold a mention. Cheap enough to ask
   * before walking an element's nodes.
   */
  mayName(text: string): boolean;
  /** The context words, shared with own packs' matchers so theirs read pages the same way. */
  readonly context: ContextAutomata;
}

interface ContextAutomata {
  japan: Automaton;
  russia: Automaton;
  dispute: Automaton;
}

const AMBIGUOUS_BIT = 1;
/** The alias names a person: only then does a capitalized neighbour make it someone else. */
const PERSON_BIT = 2;
/** A look-alike (Topic.notAliases): its topic field is the topic it resembles. */
const LOOKALIKE_BIT = 4;
const ENTRY_FLAG_BITS = 3;
const PEOPLE_CATEGORY = 'people';

const words = (list: readonly string[]) => list.map((key, entry) => ({ key, entry }));

/** Packs an index's alias map and context words the way build.mjs ships them. */
export function packMatcher(index: Pick<CompiledIndex, 'aliases' | 'context' | 'topics'>): PackedMatcher {
  const keys = Object.keys(index.aliases);
  const list = keys.map((key) => index.aliases[key]!);
  const isPerson = (topic: number) => index.topics[topic]?.category === PEOPLE_CATEGORY;
  return {
    aliases: compileAutomaton(keys.map((key, entry) => ({ key: list[entry]!.stem ? key + STEM_MARK : key, entry }))),
    entries: list.map((e) =>
      e.topic < 0
        ? (((e.of ?? -1) + 1) << ENTRY_FLAG_BITS) | LOOKALIKE_BIT
        : ((e.topic + 1) << ENTRY_FLAG_BITS) | (e.ambiguous ? AMBIGUOUS_BIT : 0) | (isPerson(e.topic) ? PERSON_BIT : 0),
    ),
    names: list.map((e) => e.alias).join(NAME_SEPARATOR),
    japan: compileAutomaton(words(index.context.japan)),
    russia: compileAutomaton(words(index.context.russia)),
    dispute: compileAutomaton(words(index.context.dispute)),
    titles: index.context.titles,
    nameFollowers: index.context.nameFollowers,
  };
}

/** A matcher over an alias map compiled now (own packs, tests). */
export function createMatcher(index: Pick<CompiledIndex, 'aliases' | 'context' | 'topics'>, shared?: Matcher): Matcher {
  for (const e of Object.values(index.aliases)) {
    // A corrupt index (a stored pack) must fail here, where callers expect it.
    if (typeof e?.topic !== 'number' || typeof e.alias !== 'string') throw new Error('corrupt matcher index');
  }
  return createPackedMatcher(packMatcher(index), shared);
}

/**
 * A matcher over what build.mjs shipped. With `shared`, context words are read through that
 * matcher's automata (an own pack reads pages as the built-in corpus does).
 */
export function createPackedMatcher(packed: PackedMatcher, shared?: Matcher): Matcher {
  const aliases = unpackAutomaton(packed.aliases);
  const { entries } = packed;
  let names: string[] | null = null;
  const nameOf = (entry: number) => (names ??= packed.names.split(NAME_SEPARATOR))[entry] ?? '';
  const titles = new Set(packed.titles);
  const followers = new Set(packed.nameFollowers);
  // Decoded on first need: most pages never meet an ambiguous name.
  let context: ContextAutomata | null = shared?.context ?? null;
  const contextAutomata = () =>
    (context ??= { japan: unpackAutomaton(packed.japan), russia: unpackAutomaton(packed.russia), dispute: unpackAutomaton(packed.dispute) });

  /** Both sides (or the dispute itself) in any of the given stretches of text prepared by walkText. */
  function twoSided(...parts: string[]): boolean {
    const { japan, russia, dispute } = contextAutomata();
    if (parts.some((p) => containsWord(dispute, p))) return true;
    return parts.some((p) => containsWord(japan, p)) && parts.some((p) => containsWord(russia, p));
  }

  /**
   * A bare surname next to another capitalized name is somebody else ("Kobo Abe", "Abe
   * Lincoln"); titles ("Prime Minister Abe") and a few words ("Abe Administration") are fine.
   */
  function isOtherPerson(alias: string, text: string, start: number, end: number): boolean {
    if (!isLatinSurname(alias)) return false;
    const named = (w: string, allowed: Set<string>) => {
      const word = w.toLowerCase().replace(/\.$/, '');
      return !!word && isCapitalized(w) && !allowed.has(word) && !FUNCTION_WORDS.has(word);
    };
    const prev = wordBefore(text, start);
    // "Japan. Putin said": a full stop after anything but a title ("Mr.") ends the sentence before.
    const endsSentence = prev.endsWith('.') && !titles.has(prev.toLowerCase()) && !titles.has(prev.toLowerCase().slice(0, -1));
    const prevNamed = !endsSentence && !PATRONYMIC.test(prev) && named(prev, titles);
    return prevNamed || named(wordAfter(text, end), followers);
  }

  function findIn(prepared: PreparedText, from: number, to: number, options: MatchOptions = {}): Mention[] {
    const found: Mention[] = [];
    const { folded, walked: t } = prepared;
    let pageContext: boolean | undefined;
    const pageHasContext = () => (pageContext ??= typeof options.pageHasContext === 'function' ? options.pageHasContext() : !!options.pageHasContext);
    const stop = Math.min(to, t.length);
    for (let i = nextStart(aliases, t, from, stop); i >= 0; i = nextStart(aliases, t, i, stop)) {
      const hit = walk(aliases, t, i);
      if (!hit) {
        i++;
        continue;
      }
      const start = i;
      const { end } = hit;
      i = end;
      const packedEntry = entries[hit.entry]!;
      const topic = (packedEntry >> ENTRY_FLAG_BITS) - 1;
      // A look-alike consumes its text, so no shorter alias inside it fires either.
      if (packedEntry & LOOKALIKE_BIT) {
        if (topic >= 0) options.onLookalike?.(topic, start);
        continue;
      }
      if (topic < 0) continue;
      const alias = nameOf(hit.entry);
      if (packedEntry & AMBIGUOUS_BIT) {
        // An ambiguous one-word name written with a capital is that name only when the page
        // capitalizes it too: "Курил" (the Kurils), not "он курил" (he smoked). Longer names go by
        // their context alone ("Japan's northern territories").
        if (isCapitalized(alias) && !alias.includes(' ') && !isCapitalized(folded.charAt(start))) continue;
        if (isDiscourseWord(alias, folded, start, end)) continue;
        if (namesOtherPair(alias, folded, start)) continue;
        // A short name in kanji alone, right after another kanji, is part of a longer word: 国後 in
        // 帰国後 (after returning home), 安倍 in a longer name. Longer ones (共同宣言 in ソ日共同宣言)
        // are themselves words; their other owners are look-alikes (日中共同宣言).
        if (start > 0 && alias.length <= SHORT_KANJI_NAME && isHanOnly(alias) && isHanCode(folded.charCodeAt(start - 1))) continue;
        if (packedEntry & PERSON_BIT && isOtherPerson(alias, folded, start, end)) continue;
        const before = sameTextBefore(t, Math.max(0, start - CONTEXT_WINDOW), start);
        const after = sameTextAfter(t, end, end + CONTEXT_WINDOW);
        if (!pageHasContext() && !twoSided(before, after)) {
          found.push({ start, end, topic, alias, rule: 'page', deferred: true });
          continue;
        }
        found.push({ start, end, topic, alias, rule: 'context' });
        continue;
      }
      found.push({ start, end, topic, alias, rule: 'alias' });
    }
    return found;
  }

  return {
    findAll: (text, options) => findIn(prepareText(text), 0, text.length, options),
    findIn,
    hasContext: (text) => twoSided(walkText(foldChars(text))),
    mayName: (text) => mayContainWord(aliases, walkText(foldChars(text))),
    get context() {
      return contextAutomata();
    },
  };
}
