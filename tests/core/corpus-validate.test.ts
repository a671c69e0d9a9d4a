import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_CHARS } from '../../src/core/reader-link';
import { formatCorpusError, validateCorpus, type CorpusInput } from '../../src/core/corpus-validate';

const SOURCE_TEXT = 'On 21 March, Russia’s Ministry of Foreign Affairs announced that it does not intend to continue talks.\n\nA second   paragraph.';

function input(): CorpusInput {
  return {
    categories: { file: 'data/categories.json', data: [{ id: 'events', label: 'Events', color: '#b5542f' }] },
    sources: [
      {
        file: 'data/sources/rusi.json',
        text: SOURCE_TEXT,
        data: {
          id: 'rusi',
          file: 'rusi.txt',
          title: 'T',
          publisher: 'RUSI',
          author: null,
          date: '2022',
          dateText: '2022',
          language: 'en',
          url: null,
        },
      },
    ],
    topics: [
      {
        file: 'data/topics/events.json',
        data: [
          {
            id: 'talks-suspended',
            name: 'Suspension of peace treaty talks',
            category: 'events',
            aliases: ['suspension of peace treaty talks', { text: 'suspension', ambiguous: true }],
            summary: 'Russia said it would not continue the talks.',
            facts: [
              { text: 'Announced on 21 March.', quotes: [{ source: 'rusi', text: "On 21 March, Russia's Ministry of Foreign Affairs announced" }] },
            ],
            viewpoints: [
              { holder: 'A', position: 'p', quotes: [{ source: 'rusi', text: 'does not intend to continue talks' }] },
              { holder: 'B', position: 'p', quotes: [{ source: 'rusi', text: 'A second paragraph.' }] },
            ],
          },
        ],
      },
    ],
  };
}

type Mutable = Record<string, unknown> & { facts: Array<{ quotes: Array<{ source: string; text: string }> }> };
const topicOf = (i: CorpusInput) => (i.topics[0]!.data as Mutable[])[0]!;
const errorsOf = (i: CorpusInput) => validateCorpus(i).errors.map(formatCorpusError);

describe('validateCorpus', () => {
  it('accepts a valid corpus, tolerating whitespace and quote-mark styles in quotes', () => {
    const { corpus, errors } = validateCorpus(input());
    expect(errors).toEqual([]);
    expect(corpus?.topics.map((t) => t.id)).toEqual(['talks-suspended']);
  });

  it('rejects a quote that is not verbatim, naming file, topic and field', () => {
    const i = input();
    topicOf(i).facts[0]!.quotes[0]!.text = 'On 22 March, Russia’s Ministry of Foreign Affairs announced';
    expect(errorsOf(i)).toEqual([
      'data/topics/events.json › topic "talks-suspended" › facts[0].quotes[0].text: not found verbatim in source "rusi": "On 22 March, Russia’s Ministry of Foreign Affairs announced"',
    ]);
  });

  it('checks claims only through aliases of the topic, naming the one that is not', () => {
    const ok = input();
    topicOf(ok).claimsVia = ['suspension of peace treaty talks'];
    expect(validateCorpus(ok).corpus?.topics[0]?.claimsVia).toEqual(['suspension of peace treaty talks']);
    const bad = input();
    topicOf(bad).claimsVia = ['suspension of peace treaty talks', 'peace treaty'];
    expect(errorsOf(bad)).toEqual(['data/topics/events.json › topic "talks-suspended" › claimsVia[1]: "peace treaty" is not an alias of this topic']);
  });

  it("takes names that don't show a page is about the dispute, only among an anchor topic's aliases", () => {
    const ok = input();
    Object.assign(topicOf(ok), { pageAnchor: true, notAnchoring: ['suspension'] });
    expect(validateCorpus(ok).corpus?.topics[0]?.notAnchoring).toEqual(['suspension']);
    const unknown = input();
    Object.assign(topicOf(unknown), { pageAnchor: true, notAnchoring: ['talks'] });
    expect(errorsOf(unknown)).toEqual([
      'data/topics/events.json › topic "talks-suspended" › notAnchoring: "talks" is not one of the topic\'s aliases',
    ]);
    const notAnchor = input();
    topicOf(notAnchor).notAnchoring = ['suspension'];
    expect(errorsOf(notAnchor)).toEqual([
      'data/topics/events.json › topic "talks-suspended" › notAnchoring: is only for a topic with "pageAnchor": true',
    ]);
  });

  it('takes events written without their names on a topic with claims, naming an unknown partner or a missing field', () => {
    const claim = {
      attribute: 'date',
      label: 'When',
      value: { month: 3, day: 21 },
      quote: { source: 'rusi', text: "On 21 March, Russia's Ministry of Foreign Affairs announced" },
    };
    const ok = input();
    Object.assign(topicOf(ok), { claims: [claim], claimEvents: [{ phrases: ['broke off the talks'], with: ['talks-suspended'] }] });
    expect(validateCorpus(ok).corpus?.topics[0]?.claimEvents).toEqual([{ phrases: ['broke off the talks'], with: ['talks-suspended'] }]);
    const unknown = input();
    Object.assign(topicOf(unknown), { claims: [claim], claimEvents: [{ phrases: ['met'], with: ['talks-suspended', 'nobody'] }] });
    expect(errorsOf(unknown)).toEqual(['data/topics/events.json › topic "talks-suspended" › claimEvents[0].with[1]: unknown topic "nobody"']);
    const partnerless = input();
    Object.assign(topicOf(partnerless), { claims: [claim], claimEvents: [{ phrases: ['met in Singapore'] }] });
    const withoutPartners =
      'data/topics/events.json › topic "talks-suspended" › claimEvents[0].with: must list the topic ids every sentence must also mention (or every phrase must open with its own subject: "Japan expelled")';
    expect(errorsOf(partnerless)).toEqual([withoutPartners]);
    // No partners: only phrases that name their own subject ("Russia broke off").
    const noSubject = input();
    Object.assign(topicOf(noSubject), { claims: [claim], claimEvents: [{ phrases: ['Russia broke off', 'broke off the talks'], with: [] }] });
    expect(errorsOf(noSubject)).toEqual([withoutPartners]);
    const ownSubject = input();
    Object.assign(topicOf(ownSubject), { claims: [claim], claimEvents: [{ phrases: ['Russia broke off', 'Moscow broke off'], with: [] }] });
    expect(validateCorpus(ownSubject).corpus?.topics[0]?.claimEvents).toEqual([{ phrases: ['Russia broke off', 'Moscow broke off'], with: [] }]);
    const claimless = input();
    topicOf(claimless).claimEvents = [{ phrases: ['met'], with: ['talks-suspended'] }];
    expect(errorsOf(claimless)).toEqual(['data/topics/events.json › topic "talks-suspended" › claimEvents: needs claims to check']);
  });

  it("takes an event told from its body's other acts by its date, naming a dated entry without a day to tell it by", () => {
    const quote = { source: 'rusi', text: "On 21 March, Russia's Ministry of Foreign Affairs announced" };
    const dayClaim = { attribute: 'date', label: 'When', value: { month: 3, day: 21 }, quote };
    const dated = { phrases: ['Ministry of Foreign Affairs', 'МИД'], with: [], dated: true };
    const ok = input();
    Object.assign(topicOf(ok), { claims: [dayClaim], claimEvents: [dated] });
    expect(validateCorpus(ok).corpus?.topics[0]?.claimEvents).toEqual([dated]);
    // Only a month: "in March" would not tell one act of the ministry's from another.
    const monthOnly = input();
    Object.assign(topicOf(monthOnly), { claims: [{ ...dayClaim, value: { month: 3 } }], claimEvents: [dated] });
    expect(errorsOf(monthOnly)).toEqual([
      'data/topics/events.json › topic "talks-suspended" › claimEvents[0].dated: needs a date claim on the topic giving a month and a day (the date that tells this event from the others)',
    ]);
    const notTrue = input();
    Object.assign(topicOf(notTrue), { claims: [dayClaim], claimEvents: [{ ...dated, dated: 'yes' }] });
    expect(errorsOf(notTrue)).toEqual(['data/topics/events.json › topic "talks-suspended" › claimEvents[0].dated: must be true (or left out)']);
    // An act that recurs in other years is marked so; anything but true is named.
    const recurring = input();
    const recursEntry = { phrases: ['broke off the talks'], with: ['talks-suspended'], recurs: true };
    Object.assign(topicOf(recurring), { claims: [dayClaim], claimEvents: [recursEntry] });
    expect(validateCorpus(recurring).corpus?.topics[0]?.claimEvents).toEqual([recursEntry]);
    const recursNo = input();
    Object.assign(topicOf(recursNo), { claims: [dayClaim], claimEvents: [{ ...recursEntry, recurs: 1 }] });
    expect(errorsOf(recursNo)).toEqual(['data/topics/events.json › topic "talks-suspended" › claimEvents[0].recurs: must be true (or left out)']);
  });

  it('rejects a quote too long to open in its source, naming its length', () => {
    const i = input();
    topicOf(i).facts[0]!.quotes[0]!.text = 'x'.repeat(MAX_QUOTE_CHARS + 1);
    expect(errorsOf(i)[0]).toBe(
      `data/topics/events.json › topic "talks-suspended" › facts[0].quotes[0].text: is ${MAX_QUOTE_CHARS + 1} characters long; quote a passage of at most ${MAX_QUOTE_CHARS}`,
    );
  });

  it('rejects a quote citing an unknown source', () => {
    const i = input();
    topicOf(i).facts[0]!.quotes[0]!.source = 'nope';
    expect(errorsOf(i)).toEqual(['data/topics/events.json › topic "talks-suspended" › facts[0].quotes[0].source: unknown source "nope"']);
  });

  it('rejects missing required fields and unknown categories', () => {
    const i = input();
    delete topicOf(i).summary;
    topicOf(i).category = 'gossip';
    expect(errorsOf(i)).toEqual([
      'data/topics/events.json › topic "talks-suspended" › category: unknown category "gossip"',
      'data/topics/events.json › topic "talks-suspended" › category: "gossip" does not belong in a file of category "events"',
      'data/topics/events.json › topic "talks-suspended" › summary: is required',
    ]);
  });

  it('rejects a fact without quotes and a lone viewpoint', () => {
    const i = input();
    topicOf(i).facts[0]!.quotes = [];
    (topicOf(i).viewpoints as unknown[]).pop();
    expect(errorsOf(i)).toEqual([
      'data/topics/events.json › topic "talks-suspended" › facts[0].quotes: needs at least 1 quote',
      'data/topics/events.json › topic "talks-suspended" › viewpoints: a contested topic needs at least two viewpoints',
    ]);
  });

  it('rejects an alias claimed by two topics, but not variants within one topic', () => {
    const i = input();
    const other = { ...topicOf(i), id: 'other', aliases: ['Suspension of Peace Treaty Talks'] };
    (i.topics[0]!.data as unknown[]).push(other);
    topicOf(i).aliases = ['suspension of peace treaty talks', 'suspension of peace-treaty talks'.replace('-', ' ')];
    expect(errorsOf(i)).toEqual([
      'data/topics/events.json › topic "other" › aliases[0]: "Suspension of Peace Treaty Talks" is already an alias of topic "talks-suspended"',
    ]);
  });

  it('rejects malformed aliases and duplicate topic ids', () => {
    const i = input();
    topicOf(i).aliases = ['ok', 42, { text: 'x' }];
    (i.topics[0]!.data as unknown[]).push({ ...topicOf(i), aliases: ['other alias'] });
    const errors = errorsOf(i);
    expect(errors).toContain(
      'data/topics/events.json › topic "talks-suspended" › aliases[1]: must be a string or { "text": "…", "ambiguous": true }',
    );
    expect(errors).toContain(
      'data/topics/events.json › topic "talks-suspended" › aliases[2]: must be a string or { "text": "…", "ambiguous": true }',
    );
    expect(errors).toContain('data/topics/events.json › topic "talks-suspended" › id: is used by another topic');
  });

  it('rejects invented or malformed source metadata', () => {
    const i = input();
    const src = i.sources[0]!.data as Record<string, unknown>;
    delete src.author;
    src.date = 'March 2022';
    src.url = 'www.example.com';
    i.sources[0]!.text = null;
    expect(errorsOf(i)).toEqual([
      'data/sources/rusi.json › author: is required (use null where the document does not say)',
      'data/sources/rusi.json › date: "March 2022" is not YYYY, YYYY-MM or YYYY-MM-DD',
      'data/sources/rusi.json › url: must be an http(s) address or null',
      'data/sources/rusi.json › file: the text "rusi.txt" is missing',
    ]);
  });

  it('rejects a discrepancy with fewer than two quotes', () => {
    const i = input();
    topicOf(i).discrepancies = [{ about: 'date', note: 'n', quotes: [{ source: 'rusi', text: 'A second paragraph.' }] }];
    expect(errorsOf(i)).toEqual(['data/topics/events.json › topic "talks-suspended" › discrepancies[0].quotes: needs at least 2 quotes']);
  });
});
