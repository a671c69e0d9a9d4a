// Benchmark pages, generated into bench/.fixtures/ (never committed): a page of one line of text,
// a ~20 KB news page in English that names nothing, a ~45 KB news article assembled from the bundled source documents (hundreds of mentions), a
// ~5 MB archive page with thousands of mentions, a ~1.5 MB handbook with none, and a table of
// ~60,000 text nodes. Deterministic, so every run measures the same pages.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './corpora.mjs';

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// Words with nothing to do with Japan, Russia or diplomacy. The handbook is made of them alone, so
// its row in the bench's table must show 0 marks for every corpus: an alias that collides with
// one of them shows up there.
const WORDS = `garden soil compost seed seedling tomato pepper basil thyme mint lettuce cabbage carrot onion garlic
potato bean pea squash pumpkin melon berry apple pear plum cherry lemon orange olive walnut almond hazelnut
water watering hose bucket spade rake trowel shovel barrow fence gate path border lawn hedge shrub tree root
branch leaf leaves flower petal stem bud blossom bloom pollen bee butterfly worm beetle slug snail aphid
morning evening afternoon weekend season spring summer autumn winter frost rain drizzle shower sunshine
shade breeze wind cloud mist dew warm cool dry damp mild bright pale dark green yellow purple crimson
kitchen recipe oven stove pan pot bowl spoon fork knife plate cup kettle bread butter flour sugar salt
honey cheese yogurt soup stew sauce salad roast bake boil simmer slice chop stir mix pour taste serve
house room window door floor wall roof shelf table chair lamp rug curtain cushion blanket pillow drawer
bicycle train bus ticket platform station route map corner street lane bridge river stream pond meadow
hill valley forest field farm barn tractor hay straw grain wheat barley oats corn harvest market stall
neighbour friend family child parent teacher student library book page chapter note letter pencil paper
photo camera picture paint brush canvas colour pattern shape circle square line edge surface texture
music song melody rhythm piano guitar violin drum choir concert rehearsal lesson practice tune chord
small large tall short wide narrow heavy light soft hard smooth rough quiet loud slow quick fresh ripe
careful patient simple gentle steady useful handy tidy clever curious happy calm busy early late often
plant sow grow prune trim weed mulch dig water feed pick gather store dry press sort clean wash fold mend
build carry lift move turn open close start finish wait rest walk climb visit share borrow lend bring
the a an and or but with without under over between through along across around near behind beside
into onto from for of to in on at by as than then when while after before because so if although
every each some many few most several another other such this that these those their our your its
is are was were be been being has have had do does did can could will would should may might must`
  .split(/\s+/)
  .filter(Boolean);
const FUNCTION_WORDS = new Set(
  'the a an and or but with without under over between through along across around near behind beside into onto from for of to in on at by as than then when while after before because so if although every each some many few most several another other such this that these those their our your its is are was were be been being has have had do does did can could will would should may might must'.split(
    ' ',
  ),
);
const CONTENT = WORDS.filter((w) => !FUNCTION_WORDS.has(w));
const FUNCS = [...FUNCTION_WORDS];

// Words of ordinary news that are also words of names in the corpus ("people", "world",
// "security", "minister"...), though never in a name's order: the news page is made of them, so
// its row shows what a page in English that names nothing costs (before the gate read names word
// by word, each of these words alone sent such a page on to the matcher).
const NEWS_WORDS = `people world government minister president security international group point information
member committee conference economic financial global military operation statement summit report policy
official election campaign market prices energy trade week year month city country police court law
health school workers service support team season players league series debate vote budget
tax jobs growth island northern southern declaration resolution negotiations dispute framework approach`
  .split(/\s+/)
  .filter(Boolean);

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function sentence(r, content = CONTENT) {
  const n = 8 + Math.floor(r() * 14);
  const words = [];
  for (let i = 0; i < n; i++) words.push(r() < 0.35 ? pick(r, FUNCS) : pick(r, content));
  if (r() < 0.3) words.splice(3 + Math.floor(r() * (n - 4)), 0, `${1 + Math.floor(r() * 90)}`);
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}${r() < 0.1 ? '?' : '.'}`;
}

function fillerText(r, sentences) {
  return Array.from({ length: sentences }, () => sentence(r)).join(' ');
}

/** Filler with inline markup, as real prose has: links, emphasis, a bit of inline code. */
function fillerHtml(r, sentences, { code = false } = {}) {
  return Array.from({ length: sentences }, () => {
    const words = sentence(r).split(' ');
    if (r() < 0.3) {
      const i = Math.floor(r() * (words.length - 2));
      words[i] = `<a href="#${words[i].replace(/\W/g, '')}">${words[i]} ${words[i + 1]}</a>`;
      words.splice(i + 1, 1);
    }
    if (r() < 0.2) {
      const i = Math.floor(r() * words.length);
      words[i] = `<em>${words[i]}</em>`;
    }
    if (code && r() < 0.1) {
      const i = Math.floor(r() * words.length);
      words[i] = `<code>${words[i]}()</code>`;
    }
    return words.join(' ');
  }).join(' ');
}

const headline = (r) => {
  const s = Array.from({ length: 4 + Math.floor(r() * 5) }, () => pick(r, CONTENT)).join(' ');
  return s[0].toUpperCase() + s.slice(1);
};

/** Paragraphs of the bundled source documents (real prose, dense with real mentions). */
function sourceParagraphs(dataDir) {
  const dir = join(dataDir, 'sources');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p.length > 40),
    );
}

/** A source paragraph with some inline markup: a link around a phrase, an emphasised word. */
function sourceHtml(r, text) {
  const words = escapeHtml(text).split(' ');
  if (words.length > 12 && r() < 0.4) {
    const i = 2 + Math.floor(r() * (words.length - 6));
    words[i] = `<a href="#ref-${i}">${words[i]}`;
    words[i + 2] = `${words[i + 2]}</a>`;
  }
  if (words.length > 8 && r() < 0.25) {
    const i = Math.floor(r() * words.length);
    if (!words[i].includes('<')) words[i] = `<em>${words[i]}</em>`;
  }
  return words.join(' ');
}

const STYLE = `body{margin:0;font:17px/1.6 Georgia,serif;color:#222;background:#fbfaf7}
header,footer{background:#fff;border-bottom:1px solid #ddd;padding:10px 24px;font:14px/1.4 system-ui,sans-serif}
nav a{margin-right:12px;color:#345}
main{max-width:760px;margin:0 auto;padding:24px}
aside{font:14px/1.5 system-ui,sans-serif;border-top:1px solid #ddd;margin-top:32px}
table{border-collapse:collapse;font:13px/1.3 system-ui,sans-serif}td,th{border:1px solid #ddd;padding:2px 6px}
.byline{font:14px system-ui,sans-serif;color:#666}`;

function page(title, body) {
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function siteHeader(r, links = 14) {
  return `<header><nav>${Array.from({ length: links }, () => `<a href="#">${headline(r).split(' ').slice(0, 2).join(' ')}</a>`).join('')}</nav></header>`;
}

/** ~50 KB: one news article built from the source documents, with the site's chrome around it. */
function article(dataDir) {
  const r = rng(50);
  const paras = sourceParagraphs(dataDir);
  const parts = [];
  let size = 0;
  for (let i = 0; size < 40_000; i++) {
    const p = `<p>${sourceHtml(r, paras[i % paras.length])}</p>`;
    parts.push(p);
    size += p.length;
    if (i % 6 === 5) parts.push(`<h2>${headline(r)}</h2>`);
  }
  const related = Array.from({ length: 12 }, () => `<li><a href="#">${headline(r)}</a></li>`).join('');
  return page(
    'Russia’s Cancellation of Peace Treaty Talks is a Blessing in Disguise for Japan',
    `${siteHeader(r)}\n<main><article><h1>Russia’s Cancellation of Peace Treaty Talks is a Blessing in Disguise for Japan</h1>\n<p class="byline">By <a href="#">Staff writer</a> · <time>2022</time></p>\n${parts.join('\n')}\n</article>\n<aside><h3>Related</h3><ul>${related}</ul></aside></main>\n<footer>${fillerHtml(r, 3)}</footer>`,
  );
}

/** ~5 MB: an archive of posts, about one paragraph in three from the sources. */
function bigArchive(dataDir) {
  const r = rng(5);
  const paras = sourceParagraphs(dataDir);
  const posts = [];
  let size = 0;
  while (size < 5_000_000) {
    const body = [];
    const n = 3 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) {
      body.push(r() < 0.33 ? `<p>${sourceHtml(r, pick(r, paras))}</p>` : `<p>${fillerHtml(r, 3 + Math.floor(r() * 5))}</p>`);
    }
    const tags = Array.from({ length: 4 }, () => `<li><a href="#">${pick(r, CONTENT)}</a></li>`).join('');
    const post = `<article class="post"><h2>${headline(r)}</h2><p class="byline">By <a href="#">${headline(r).split(' ').slice(0, 2).join(' ')}</a> · <time>${1 + Math.floor(r() * 28)}.${1 + Math.floor(r() * 12)}.</time></p>\n${body.join('\n')}\n<ul class="tags">${tags}</ul></article>`;
    posts.push(post);
    size += post.length;
  }
  return page('Reader archive — all posts', `${siteHeader(r, 20)}\n<main>\n${posts.join('\n')}\n</main>\n<footer>${fillerHtml(r, 3)}</footer>`);
}

/** ~1.5 MB: a handbook with no mention at all (sections, lists, small tables, inline code). */
function noMentions() {
  const r = rng(15);
  const sections = [];
  let size = 0;
  for (let s = 0; size < 1_500_000; s++) {
    const blocks = [`<h2 id="s${s}">${headline(r)}</h2>`];
    const n = 3 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) blocks.push(`<p>${fillerHtml(r, 3 + Math.floor(r() * 5), { code: true })}</p>`);
    if (r() < 0.5) blocks.push(`<ul>${Array.from({ length: 3 + Math.floor(r() * 5) }, () => `<li>${fillerHtml(r, 1)}</li>`).join('')}</ul>`);
    if (r() < 0.15) {
      const rows = Array.from(
        { length: 5 },
        () => `<tr>${Array.from({ length: 4 }, () => `<td>${pick(r, CONTENT)} ${Math.floor(r() * 100)}</td>`).join('')}</tr>`,
      ).join('');
      blocks.push(`<table><tbody>${rows}</tbody></table>`);
    }
    const section = `<section>${blocks.join('\n')}</section>`;
    sections.push(section);
    size += section.length;
  }
  const toc = `<nav><ol>${sections
    .slice(0, 200)
    .map((_, i) => `<li><a href="#s${i}">${headline(r)}</a></li>`)
    .join('')}</ol></nav>`;
  return page(
    'The garden and kitchen handbook',
    `${siteHeader(r)}\n<main>${toc}\n${sections.join('\n')}</main>\n<footer>${fillerHtml(r, 3)}</footer>`,
  );
}

/** ~60,000 text nodes: a register of 6,000 rows × 10 cells, a few rows naming a real place. */
function bigTable() {
  const r = rng(60);
  const places = ['Shikotan', 'Kunashir', 'Iturup', 'Habomai', 'Sakhalin'];
  const head = `<thead><tr>${['#', 'Vessel', 'Port', 'Flag', 'Tonnage', 'Built', 'Cargo', 'Arrival', 'Status', 'Notes'].map((h) => `<th>${h}</th>`).join('')}</tr></thead>`;
  const rows = [];
  for (let i = 0; i < 6000; i++) {
    const port = r() < 0.02 ? pick(r, places) : `${pick(r, CONTENT)} harbour`;
    const cells = [
      `${i + 1}`,
      `${pick(r, CONTENT)} ${pick(r, CONTENT)}`,
      port,
      pick(r, ['PA', 'LR', 'MH', 'MT', 'BS', 'CY']),
      `${1000 + Math.floor(r() * 90000)}`,
      `${1980 + Math.floor(r() * 44)}`,
      pick(r, CONTENT),
      `${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}`,
      pick(r, ['moored', 'loading', 'departed', 'waiting', 'repair']),
      r() < 0.3 ? fillerText(r, 1) : '-',
    ];
    rows.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  }
  return page(
    'Harbour register',
    `<main style="max-width:none"><h1>Harbour register</h1><table>${head}<tbody>${rows.join('')}</tbody></table></main>`,
  );
}

/** ~20 KB: a news page in English that names nothing, though its words are words of names. */
function newsNamingNothing() {
  const r = rng(20);
  const paras = Array.from({ length: 46 }, () => `<p>${Array.from({ length: 4 }, () => sentence(r, NEWS_WORDS)).join(' ')}</p>`);
  return page('City council report', `<main><article><h1>City council report</h1>\n${paras.join('\n')}\n</article></main>`);
}

/** A page with one line of text and nothing to find: what Backstory costs where it has no work. */
const oneLine = () =>
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>A note</title></head><body><p>The kettle is on; back in five minutes.</p></body></html>\n';

export const FIXTURES = [
  { id: 'oneline', file: 'one-line.html', label: 'one line of text', big: false, make: oneLine },
  { id: 'news', file: 'news-20k.html', label: 'news page ~20 KB, names nothing', big: false, make: newsNamingNothing },
  { id: 'article', file: 'article-50k.html', label: 'article ~45 KB', big: false, make: article },
  { id: 'big', file: 'archive-5mb.html', label: 'archive ~5 MB, many mentions', big: true, manyMentions: true, make: bigArchive },
  { id: 'none', file: 'handbook-1.5mb.html', label: 'handbook ~1.5 MB, no mentions', big: true, make: noMentions },
  { id: 'table', file: 'table-60k.html', label: 'table, 60,000 text nodes', big: true, make: bigTable },
];

/** Writes every fixture; returns them with their sizes. */
export function writeFixtures(dataDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  return FIXTURES.map((f) => {
    const html = f.make(dataDir);
    writeFileSync(join(outDir, f.file), html);
    return { ...f, bytes: Buffer.byteLength(html), html };
  });
}
