// The labelled statements (tests/fixtures/claims/statements.ts) through the real matcher and the
// real corpus's claims: no right statement or distractor is ever called a conflict or judged,
// and the wrong ones flagged are counted (README states the figures).
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script
import { compileCorpus } from '../../build.mjs';
import { mayHoldStatements } from '../../src/content/claim-pass';
import { checkClaims } from '../../src/core/claims';
import type { CompiledIndex } from '../../src/core/corpus-types';
import { createMatcher, type Matcher } from '../../src/core/matcher';
import { expectedChecks, STATEMENTS, type Statement } from '../fixtures/claims/statements';

let index: CompiledIndex;
let matcher: Matcher;
beforeAll(async () => {
  index = (await compileCorpus()).index;
  matcher = createMatcher(index);
});

/** As the extension reads a page holding only this statement: a run naming no topic with claims, nor a partner of an unnamed event, nor any topic beside an act naming its own subject, is not checked (claim-pass.ts). */
function judged(st: Statement) {
  const mentions = matcher.findAll(st.text, { pageHasContext: true });
  if (!mayHoldStatements(index, mentions, st.text)) return [];
  return checkClaims(st.text, mentions, index.claims, index.claimEvents).map((c) => ({ stated: c.stated, verdict: c.verdict }));
}

describe('claim checks on statements written the way news copy writes them', () => {
  it('has at least 60 statements in English, Japanese and Russian, of every kind', () => {
    expect(STATEMENTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(STATEMENTS.map((x) => x.lang))).toEqual(new Set(['en', 'ja', 'ru']));
    expect(new Set(STATEMENTS.map((x) => x.kind))).toEqual(new Set(['right', 'wrong', 'disputed', 'distractor']));
  });

  for (const st of STATEMENTS) {
    it(`${st.kind} (${st.lang}): ${st.text}`, () => {
      const got = judged(st);
      // Never: a right statement or a distractor called a conflict, or a distractor judged at all.
      if (st.kind === 'right' || st.kind === 'disputed') expect(got.filter((c) => c.verdict === 'conflict')).toEqual([]);
      if (st.kind === 'distractor') expect(got).toEqual([]);
      expect(got).toEqual(expectedChecks(st));
    });
  }

  it('judges each event on the one date tied to it, in a sentence dating two events', () => {
    const text =
      '安倍晋三首相は14日、訪問先のシンガポールでロシアのプーチン大統領と会談し、1965年の日ソ共同宣言を基礎に平和条約交渉を加速させることで合意した。';
    expect(judged({ lang: 'ja', kind: 'wrong', text, verdict: null })).toEqual([
      { stated: '14日', verdict: 'agrees' },
      { stated: '1965年', verdict: 'conflict' },
    ]);
  });

  it('never reads a name that is found but not shown (held back, switched off) as the value of a statement', () => {
    const text = 'In December 2016, Japan and Russia signed the eight-point economic cooperation plan documents.';
    const mentions = matcher.findAll(text, { pageHasContext: true });
    const visit = index.topics.findIndex((t) => t.id === 'putin-visit-to-japan-2016');
    const held = mentions.filter((m) => m.topic === visit);
    const shown = mentions.filter((m) => m.topic !== visit);
    expect(held.map((m) => m.alias)).toEqual(['December 2016']);
    // Left out of the mentions, the visit's name would be judged against the plan's date (May 2016).
    expect(checkClaims(text, shown, index.claims, index.claimEvents).map((c) => c.verdict)).toEqual(['conflict']);
    expect(checkClaims(text, shown, index.claims, index.claimEvents, held)).toEqual([]);
  });

  it('figures: wrong statements flagged, right ones called wrong, distractors judged', () => {
    const all = STATEMENTS.map((st) => ({ st, got: judged(st) }));
    const wrong = all.filter((x) => x.st.kind === 'wrong');
    const flagged = wrong.filter((x) => x.got.some((c) => c.verdict === 'conflict')).length;
    const rightCalledWrong = all.filter(
      (x) => x.st.kind !== 'wrong' && x.st.kind !== 'distractor' && x.got.some((c) => c.verdict === 'conflict'),
    ).length;
    const distractorsJudged = all.filter((x) => x.st.kind === 'distractor' && x.got.length > 0).length;
    console.log(
      `claim checks: ${flagged} of ${wrong.length} wrong statements flagged; ${rightCalledWrong} right called wrong; ${distractorsJudged} distractors judged (${STATEMENTS.length} statements)`,
    );
    expect(rightCalledWrong).toBe(0);
    expect(distractorsJudged).toBe(0);
    // Every wrong statement a check is expected on is flagged (the others are missed, not misjudged).
    expect(flagged).toBe(wrong.filter((x) => x.st.verdict?.verdict === 'conflict').length);
  });
});
