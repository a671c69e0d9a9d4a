// The work content scripts hand the background. Claim checks (claims:check): a content script's
// runs come back judged as the checker judges them in place. Finding mentions (match:find): a
// batch of text comes back with the mentions the page's own matcher finds. Whatever else arrives
// on the channel gets no verdict, no mention and no error.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script
import { compileCorpus } from '../../build.mjs';
import { CLAIMS_MEASURE, MATCH_MEASURE, startBackground } from '../../src/background/start';
import { checkClaims } from '../../src/core/claims';
import { answerClaims, type ClaimsRequest } from '../../src/core/claims-request';
import type { CompiledIndex } from '../../src/core/corpus-types';
import { readTitle } from '../../src/core/match-request';
import { createMatcher, type Matcher, packMatcher } from '../../src/core/matcher';
import { fakeExtension } from '../support/extension-api';

let index: CompiledIndex;
let matcher: Matcher;
beforeAll(async () => {
  index = (await compileCorpus()).index;
  matcher = createMatcher(index);
});

const WRONG = 'Abe and Putin met in Singapore on November 12, 2018, and agreed to speed up the talks.';
const RIGHT = 'The Soviet Union entered the war against Japan on 9 August 1945.';
const NOTHING = 'The weather in Sapporo was mild.';

function runOf(text: string) {
  return { text, mentions: matcher.findAll(text, { pageHasContext: true }), others: [] };
}

function requestOf(...texts: string[]): ClaimsRequest {
  return { runs: texts.map(runOf), claims: index.claims, events: index.claimEvents ?? [] };
}

describe('claims:check in the background', () => {
  it('answers each run with the checks the checker gives it in place, in the order asked', async () => {
    const fake = fakeExtension();
    startBackground(fake.api);
    const request = requestOf(WRONG, NOTHING, RIGHT);
    const measured = performance.getEntriesByName(CLAIMS_MEASURE).length;
    const answer = await fake.deliver('claims:check', request, { tabId: 1, frameId: 0 });
    // The time it took is measured where the bench reads it.
    expect(performance.getEntriesByName(CLAIMS_MEASURE).length).toBe(measured + 1);
    const inPlace = request.runs.map((r) => checkClaims(r.text, r.mentions, index.claims, index.claimEvents, r.others));
    expect(answer).toEqual(inPlace);
    expect(answer.map((checks) => checks.map((c) => [c.stated, c.verdict]))).toEqual([
      [['November 12, 2018', 'conflict']],
      [],
      [['9 August 1945', 'agrees']],
    ]);
  });

  it('judges nothing it cannot read, without throwing', () => {
    for (const junk of [null, 'runs', { runs: 'x', claims: {} }, { runs: [], claims: null }]) expect(answerClaims(junk)).toEqual([]);
    const good = runOf(WRONG);
    const request = requestOf(WRONG);
    // A malformed run among good ones: only it goes unjudged.
    const badRuns = [
      { text: 42, mentions: [], others: [] },
      { ...good, mentions: [{ ...good.mentions[0], end: WRONG.length + 5 }] },
      { ...good, others: 'none' },
    ];
    const answer = answerClaims({ ...request, runs: [good, ...badRuns] });
    expect(answer[0]?.length).toBe(1);
    expect(answer.slice(1)).toEqual([[], [], []]);
    // A claims map the checker can't read (a corrupt pack) judges nothing either.
    const corrupt = Object.fromEntries(Object.keys(index.claims).map((k) => [k, [{ attribute: 'date' }]]));
    expect(answerClaims({ ...request, claims: corrupt })).toEqual([[]]);
  });
});

describe('match:find in the background', () => {
  const PAGE_TEXT = 'Lavrov said the Kurils are Russian; Japan calls Etorofu-class ships and Shikotan otherwise. Putin agreed.';
  const fromTab = { tabId: 1, frameId: 0 };

  it('answers with the mentions and look-alikes the page would find itself, reading the matcher once', async () => {
    let reads = 0;
    const fake = fakeExtension({ bundled: { 'lazy/page-index.json': { matcher: packMatcher(index) } } });
    const readBundled = fake.api.readBundled;
    startBackground({
      ...fake.api,
      readBundled: (path) => {
        reads++;
        return readBundled(path);
      },
    });
    // Each title read as the page would read it: naming both sides, naming neither, naming a look-alike.
    const titles = ['Japan and Russia: the Kuril dispute', 'Weather', 'Etorofu-class escort ship'];
    const readings = [];
    for (const title of titles) {
      const reading = readTitle(matcher, title);
      readings.push(reading);
      const lookalikes: Array<{ topic: number; start: number }> = [];
      const inPage = matcher.findAll(PAGE_TEXT, {
        pageHasContext: reading.context,
        onLookalike: (topic, start) => lookalikes.push({ topic, start }),
      });
      const measured = performance.getEntriesByName(MATCH_MEASURE).length;
      const answer = await fake.deliver('match:find', { text: PAGE_TEXT, title }, fromTab);
      expect(answer).toEqual({ mentions: inPage, lookalikes, title: reading });
      expect(performance.getEntriesByName(MATCH_MEASURE).length).toBe(measured + 1);
    }
    expect(readings.map((r) => [r.context, r.lookalikes.map((t) => index.topics[t]?.id)])).toEqual([
      [true, []],
      [false, []],
      [false, ['etorofu']],
    ]);
    expect(matcher.findAll(PAGE_TEXT, { pageHasContext: true }).length).toBeGreaterThan(2);
    // The look-alike ("Etorofu-class") is answered with where it stands.
    const answer = await fake.deliver('match:find', { text: PAGE_TEXT, title: titles[0]! }, fromTab);
    expect(answer?.lookalikes.map((l) => PAGE_TEXT.slice(l.start, l.start + 'Etorofu-class'.length))).toEqual(['Etorofu-class']);
    expect(reads).toBe(1);
  });

  it('answers null while it cannot read its matcher, and empty for a request without text', async () => {
    const fake = fakeExtension({ bundled: {} });
    startBackground(fake.api);
    expect(await fake.deliver('match:find', { text: PAGE_TEXT, title: '' }, fromTab)).toBeNull();
    const ok = fakeExtension({ bundled: { 'lazy/page-index.json': { matcher: packMatcher(index) } } });
    startBackground(ok.api);
    expect(await ok.deliver('match:find', { text: 42 } as never, fromTab)).toEqual({
      mentions: [],
      lookalikes: [],
      title: { context: false, lookalikes: [] },
    });
  });
});
