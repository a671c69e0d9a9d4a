// @vitest-environment happy-dom
// What the first script asks its gate about: every name the matcher would find in a page must
// reach the gate as a word, however the page's markup runs its text together.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script
import { compileCorpus } from '../../build.mjs';
import { createGate, type PackedGate } from '../../src/core/gate';
import { CHUNK_OVERLAP, GATE_CHUNK, GATE_TEXT_LIMIT, pageText } from '../../src/content/page-text';
import { QUICK_LIMIT } from '../../src/core/gate';

let gate: (text: string) => boolean;
beforeAll(async () => {
  gate = createGate((await compileCorpus()).gate as PackedGate | null);
});

const asked = (html: string) => {
  document.body.innerHTML = html;
  return pageText(document.body);
};

describe('the first script’s page text', () => {
  it('puts a break wherever a run of text ends, so a name starting a block starts a word', () => {
    // Minified markup: no whitespace between the tags.
    for (const html of [
      '<h2>Tokyo</h2><p>Shikotan residents</p>',
      '<p>Tokyo<br>Iturup</p>',
      '<table><tr><td>1956</td><td>Iturup</td></tr></table>',
      '<div><button>Share</button>Shikotan</div>',
      '<div><p>Главная</p>Шикотан</div>',
      '<ul><li>Обзор</li><li>Курилы</li></ul>',
    ]) {
      const text = asked(html);
      expect(gate(text!), `${html} → ${JSON.stringify(text)}`).toBe(true);
    }
  });

  it('keeps a name split across inline elements in one piece', () => {
    expect(asked('<p>Talks on Shiko<b>tan</b> and the <em>Kuril</em> Islands</p>')).toBe('\nTalks on Shikotan and the Kuril Islands');
    expect(gate(asked('<p>Shiko<b>tan</b></p>')!)).toBe(true);
  });

  it('skips scripts and styles, and gives up past the limit', () => {
    expect(asked('<p>Weather</p><script>var shikotan = 1</script><style>.kuril{}</style>')).toBe('\nWeather');
    expect(asked(`<p>${'garden '.repeat(GATE_TEXT_LIMIT / 6)}</p>`)).toBeNull();
  });

  it('asks the gate a chunk at a time, and stops reading at the first chunk that may name a topic', () => {
    const filler = (n: number) => `<p>${'garden '.repeat(n)}</p>`;
    document.body.innerHTML = `${filler(200)}<p>Talks on Shikotan stalled.</p>${filler(GATE_CHUNK / 7)}${filler(3000)}`;
    const asked: string[] = [];
    const text = pageText(document.body, (piece) => {
      asked.push(piece);
      return gate(piece);
    });
    // The page (about 27 KB, under the limit) goes on to the matcher after its first chunk.
    expect(text).toBeNull();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('Shikotan');
    expect(asked[0]!.length).toBeLessThan(2 * GATE_CHUNK);
  });

  it('reads a page that names nothing to its end, asking each chunk with a little of the one before', () => {
    document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<p>Garden note ${i}: water the roses.</p>`).join('');
    const asked: string[] = [];
    const text = pageText(document.body, (piece) => {
      asked.push(piece);
      return gate(piece);
    });
    expect(text).not.toBeNull();
    expect(gate(text!)).toBe(false);
    expect(asked.length).toBeGreaterThan(2);
    // Short enough for the gate's word-by-word check (past a paragraph of these few dozen characters).
    const PARAGRAPH = 64;
    for (const piece of asked) expect(piece.length).toBeLessThanOrEqual(QUICK_LIMIT + PARAGRAPH);
    // Each chunk after the first starts CHUNK_OVERLAP characters before where the last one ended.
    let end = 0;
    for (const [i, piece] of asked.entries()) {
      const start = i === 0 ? 0 : end - CHUNK_OVERLAP;
      expect(text!.slice(start, start + piece.length)).toBe(piece);
      end = start + piece.length;
    }
  });

  it('says nothing is there on a page that names no topic', () => {
    expect(gate(asked('<h1>Weather in Lisbon</h1><p>Sunny spells and a light breeze.</p>')!)).toBe(false);
  });
});
