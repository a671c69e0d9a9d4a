// A definition's sentence dates its subject: "ES-11/1 is a non-binding resolution demanding a
// Russian withdrawal, adopted on 2 March 2022", "Токийская декларация — документ о …,
// подписанный 13 октября 1993 года" (encyclopedias open an article so). The participle after the
// comma is the defined document's only when nothing else in the definition could be what it
// dates: no other document ("the basis of the Irkutsk Statement, signed in 2001" is the
// statement's), no verb or clause of its own. So does a document opening its sentence, dated, then
// saying what it says: "The Soviet-Japanese Joint Declaration in 1956 restored diplomatic relations".

import { LETTERS } from './regexp';

/** What a document is defined as: its head noun, right after the article and its adjectives. */
const EN_HEADS = 'resolution|declaration|treaty|agreement|document|statement|accord|communiqu[eé]|memorandum';
const RU_HEADS = 'резолюция|декларация|договор|соглашение|документ|заявление|коммюнике|меморандум';
/** Participles that date a document itself (not "held": a session is held, a resolution adopted). */
const EN_DATING = 'adopted|signed|concluded|issued|passed|approved';
const RU_DATING = '(?:подписанн|принят|заключ[её]нн)(?:ый|ая|ое)';

/** Words that aren't adjectives of the head: "the basis of the agreement" is not an agreement. */
const FUNCTION_WORD = '(?:of|for|to|in|on|at|with|by|from|and|or|the|a|an|basis|part|one|result)';

const EN_DEFINED = new RegExp(
  String.raw`^\s+(?:is|was)\s+(?:a|an|the)\s+(?:(?!${FUNCTION_WORD}\s)[a-z]+(?:-[a-z]+)*\s+){0,3}(?:${EN_HEADS})(?<rest>[^,;:()"“”«»]*),\s*(?:${EN_DATING})\s+(?:on|in)\s*$`,
);
const RU_DEFINED = new RegExp(
  String.raw`^\s+(?:—|–|-)\s+(?:[а-яё]+(?:ая|ый|ое|ий)\s+){0,3}(?:${RU_HEADS})(?<rest>[^,;:()"“”«»]*),\s*${RU_DATING}\s+(?:(?:в|во)\s+)?$`,
);

/** Words ending like a past participle that aren't one, in names of the bodies a document is of. */
const NOT_PARTICIPLE = '(?:united|limited|red|hundred|kindred)';

/** In the rest of the definition: another document, a verb or participle, a clause of its own. */
const EN_OTHER = new RegExp(
  `(?:^|[^${LETTERS}])(?:${EN_HEADS}|(?!${NOT_PARTICIPLE}[^${LETTERS}])[a-z]+ed|which|that|who|after|before|following|since|when|where|while)(?:[^${LETTERS}]|$)`,
);
const RU_OTHER = new RegExp(
  `(?:^|[^${LETTERS}])(?:${RU_HEADS}|котор[а-яё]+|после|когда|[а-яё]+(?:нн|вш|ющ|ящ)[а-яё]+|[а-яё]+л[аио]?)(?:[^${LETTERS}]|$)`,
);

/** Before the defined name: nothing but an article and the words of its title ("United Nations General Assembly Resolution"). */
const TITLE_BEFORE = /^\s*(?:The\s+)?(?:[A-ZА-ЯЁ][^\s,]*\s+){0,6}$/;

/**
 * Whether the value after `gap` (lower-cased, from the event to the value) dates the defined
 * event: the event opens its sentence (`before`, as written), is defined, then dated.
 */
export function definedThenDated(before: string, lowerGap: string): boolean {
  if (!TITLE_BEFORE.test(before)) return false;
  const en = EN_DEFINED.exec(lowerGap);
  if (en) return !EN_OTHER.test(en.groups?.rest ?? '');
  const ru = RU_DEFINED.exec(lowerGap);
  return !!ru && !RU_OTHER.test(ru.groups?.rest ?? '');
}

/**
 * What a document does by being signed, said of it as the subject right after its date: the date
 * is its own. Not what others did with it later ("was reaffirmed", "marked its anniversary").
 */
const SAYING = /^\s*,?\s*(?:called for|stipulated|provided for|provided that|ended|restored|declared|envisaged|set out|promised|proclaimed)(?![a-z])/;

/** Before the document as a subject: nothing but "The". */
const SUBJECT_START = /^\s*(?:the\s+)?$/;

/**
 * Whether the value (after `lowerGap`, "in", from the event) dates the document that opens the
 * sentence and then says what it says. Lower-cased text.
 */
export function datedThenSaying(lowerBefore: string, lowerGap: string, lowerAfter: string): boolean {
  return SUBJECT_START.test(lowerBefore) && /^\s+in\s+$/.test(lowerGap) && SAYING.test(lowerAfter);
}
