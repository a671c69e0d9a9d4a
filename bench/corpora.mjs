// Corpora for the benchmark: the real one as build.mjs validates it, cut down to its first 100
// aliases, and that same cut grown to 1,000 and 10,000 with synthetic topics (invented but
// plausible-looking names in the same mix of scripts: Latin, Cyrillic, Japanese, none of which
// occurs on the bench's pages). So every size finds the same mentions on a page and only the
// alias count differs, as issue 10's "10,000 aliases cost ≤ 1.3× 100 aliases on the same page
// with the same mentions" asks. Compiled with the shipping compileIndex and packed with
// build.mjs's own pageIndexOf, so each page index is exactly what a corpus of that size would ship.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCorpus, gateOf, loadCorpusTools, pageIndexOf } from '../build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** src/core bundled for Node: the build's own corpus tools. */
export const loadCore = loadCorpusTools;

/** Deterministic PRNG (mulberry32), so every run benchmarks the same corpus. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JA_SYL =
  'ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu ho ma mi mu me mo ya yu yo ra ri ru re ro wa ga gi go za zu da de do ba bu be bo'.split(
    ' ',
  );
const RU_HEAD =
  'Vol Zar Bel Kras Nov Tul Mir Gor Lav Dub Sok Mor Ryab Kost Petr Stav Yar Sever Ozer Lip Zvezd Kurb Tam Ust Verkh Chern Zel Bolsh Sred Dal'.split(
    ' ',
  );
const RU_TAIL = 'ov ovsky in ino ograd sk ansk evo ets enko ikov any yanka aya ovo'.split(' ');
const RU_FIRST = 'Dmitry Sergei Nikolai Pavel Alexei Yuri Oleg Igor Andrei Mikhail Anna Olga Irina Yelena Tatiana Vera'.split(' ');
const JA_FIRST = 'Takeshi Hiroshi Kenji Akira Satoshi Yuki Haruto Daisuke Naoko Keiko Yoko Emiko Masato Ryota Kazuo Shigeru'.split(' ');
const LAT_TO_CYR = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  y: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'ц',
  w: 'в',
};
const KANA =
  'カ キ ク ケ コ サ シ ス セ ソ タ チ ツ テ ト ナ ニ ヌ ネ ノ ハ ヒ フ ホ マ ミ ム メ モ ヤ ユ ヨ ラ リ ル レ ロ ワ ガ ギ ゴ ザ ズ ダ デ ド バ ブ ベ ボ'.split(
    ' ',
  );
const KANJI =
  '北 南 東 西 海 山 川 島 浦 沢 岬 湾 港 原 田 村 森 石 松 竹 新 大 小 中 高 長 白 青 赤 黒 金 銀 宮 崎 根 室 礼 文 色 丹 歯 舞 国 後 択 捉'.split(
    ' ',
  );
const KANJI_TAIL = '島 岬 湾 宣言 協定 条約 会議 合意 首脳会談 議定書 事件 計画 構想 研究所 委員会 基金'.split(' ');

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function jaWord(r, min = 2, max = 4) {
  const n = min + Math.floor(r() * (max - min + 1));
  let w = '';
  for (let i = 0; i < n; i++) w += pick(r, JA_SYL);
  return cap(w);
}
const ruWord = (r) => pick(r, RU_HEAD) + pick(r, RU_TAIL);
const cyr = (latin) => [...latin.toLowerCase()].map((c) => LAT_TO_CYR[c] ?? '').join('');
const cyrCap = (latin) => cap(cyr(latin));

/** One invented alias, shaped like the real ones of its category. */
function syntheticAlias(r, category) {
  const script = r();
  const year = 1855 + Math.floor(r() * 170);
  if (script < 0.17) {
    // Japanese: katakana or kanji names with a kanji tail.
    const kana = Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(r, KANA)).join('');
    const kanji = Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(r, KANJI)).join('');
    return (r() < 0.5 ? kana : kanji) + pick(r, KANJI_TAIL);
  }
  if (script < 0.41) {
    // Russian, some as stems that take case endings (Курил* → Курильских).
    const name = cyrCap(r() < 0.5 ? ruWord(r) : jaWord(r));
    const forms = {
      places: [`остров ${name}`, `пролив ${name}`, `мыс ${name}`, `${name}ск`],
      agreements: [`${name}ский договор`, `${name}ская декларация`, `соглашение ${name}`],
      people: [`${cyrCap(pick(r, RU_FIRST))} ${name}`, `${name}ов`],
      events: [`${name}ский саммит`, `переговоры в ${name}е`],
      policies: [`программа ${name}`, `${name}ский план`],
      institutions: [`${name}ский институт`, `фонд ${name}`],
    }[category] ?? [name];
    const alias = pick(r, forms);
    return r() < 0.08 && !alias.includes(' ') ? `${alias}*` : alias;
  }
  const ja = jaWord(r);
  const ru = ruWord(r);
  const forms = {
    places: [`${ja} Island`, `${ja}-jima`, `Cape ${ja}`, `${ru} Bay`, `${ja} Strait`, `Port ${ru}`, `${ja} Peninsula`, `${ru} Ridge`],
    agreements: [`${ja} Accord`, `Treaty of ${ru}`, `${year} ${ja} Protocol`, `${ru} Memorandum`, `${ja}-${ru} Agreement`],
    people: [`${pick(r, JA_FIRST)} ${ja}`, `${pick(r, RU_FIRST)} ${ru}`, `${ja} ${pick(r, JA_FIRST)}`, `Governor ${ru}`],
    events: [`${ja} Summit`, `${year} ${ru} talks`, `${ja} Incident`, `${ru} Conference of ${year}`],
    policies: [`${ja} Initiative`, `${ru} Plan`, `${ja} Economic Zone`, `${year} ${ja} Programme`],
    institutions: [`${ja} Council`, `${ru} Institute`, `${ja} Foundation`, `${ru} Fisheries Agency`],
  }[category] ?? [ja];
  return pick(r, forms);
}

/** The real topics, cut to exactly `n` aliases (in corpus order). */
function realPrefix(corpus, n) {
  const topics = [];
  let left = n;
  for (const t of corpus.topics) {
    if (left <= 0) break;
    const aliases = t.aliases.slice(0, left);
    left -= aliases.length;
    // Look-alike phrases (notAliases) are keys of the pattern too; left out so the count is exact.
    topics.push({ ...t, aliases, notAliases: [] });
  }
  return topics;
}

/**
 * The base topics, then synthetic ones (about seven aliases each, like the real corpus; one in ten
 * ambiguous) until the compiled index holds exactly `n` distinct aliases. `taken` (every real
 * alias key) keeps invented names from repeating a real one.
 */
function grow(core, corpus, base, baseCount, taken, n, seed) {
  const r = rng(seed);
  const seen = new Set(taken);
  const topics = [...base];
  let count = baseCount;
  const categories = corpus.categories.map((c) => c.id);
  for (let t = 0; count < n; t++) {
    const category = categories[t % categories.length];
    const aliases = [];
    for (let tries = 0; aliases.length < 7 && count < n && tries < 100; tries++) {
      const text = syntheticAlias(r, category);
      const key = core.fold(text).replace(/\*$/, '');
      if (seen.has(key)) continue;
      seen.add(key);
      count++;
      aliases.push(r() < 0.1 && !text.endsWith('*') ? { text, ambiguous: true } : text);
    }
    if (aliases.length === 0) continue;
    const first = typeof aliases[0] === 'string' ? aliases[0] : aliases[0].text;
    topics.push({ id: `synthetic-${t}`, name: first.replace(/\*$/, ''), category, aliases, summary: '', facts: [] });
  }
  return topics;
}

/**
 * Every corpus the benchmark runs: size (keys of the compiled pattern) → { index, pageIndex (what
 * the content script bundles), aliases (as authored) }. The smallest size is a cut of the real
 * corpus; the larger ones are that cut plus synthetic topics.
 */
export async function buildCorpora(sizes = [100, 1000, 10000]) {
  const core = await loadCore();
  const { corpus, version } = await compileCorpus();
  // Passed to compileIndex as build.mjs passes it (older corpora kept a plain `words` list).
  const contextJson = JSON.parse(readFileSync(join(ROOT, 'data', 'context.json'), 'utf8'));
  const context = contextJson.words ?? contextJson;
  const shipped = JSON.parse(readFileSync(join(ROOT, 'build', 'generated', 'index.json'), 'utf8'));
  const realCount = Object.keys(shipped.aliases).length;
  const out = new Map();
  const baseSize = Math.min(...sizes, realCount);
  const base = realPrefix(corpus, baseSize);
  const baseCount = Object.keys(core.compileIndex({ ...corpus, topics: base }, context, 'base').aliases).length;
  for (const size of sizes) {
    const topics = size <= baseCount ? realPrefix(corpus, size) : grow(core, corpus, base, baseCount, Object.keys(shipped.aliases), size, size);
    const index = core.compileIndex({ ...corpus, topics }, context, `${version}-bench${size}`);
    // What a newcomer hands mark.js: every alias as authored (look-alikes are not aliases).
    const aliases = Object.values(index.aliases)
      .filter((a) => a.topic >= 0)
      .map((a) => a.alias.replace(/\*$/, ''));
    out.set(size, {
      size,
      index,
      aliases,
      realAliases: Math.min(size, baseCount),
      pageIndex: pageIndexOf(core, index),
      gate: gateOf(core, index),
      count: Object.keys(index.aliases).length,
    });
  }
  // The shipped corpus's aliases as authored, for the bare pass's one RegExp.
  const realAliases = Object.values(shipped.aliases)
    .filter((a) => a.topic >= 0)
    .map((a) => a.alias.replace(/\*$/, ''));
  return { core, corpus, shipped, realCount, realAliases, corpora: out };
}
