// Folding, character for character: what the matcher compares page text with aliases through.
import { describe, expect, it } from 'vitest';
import { fold, foldChars } from '../../src/core/text-fold';

/** The folding table as written out in full (how it was built on every page before). */
function referenceTable(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCharCode(cp);
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]+/g, '');
      if (base !== ch && /^[A-Za-z]$/.test(base)) map.set(ch, base);
    }
  }
  for (let cp = 0xff01; cp <= 0xff5e; cp++) map.set(String.fromCharCode(cp), String.fromCharCode(cp - 0xfee0));
  for (const ch of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d') map.set(ch, '-');
  for (const ch of '\u2018\u2019\u02bc\uff07`') map.set(ch, "'");
  for (const ch of '\u201c\u201d\u201e\uff02') map.set(ch, '"');
  map.set('ё', 'е');
  map.set('Ё', 'Е');
  return map;
}

describe('foldChars', () => {
  it('folds every character of the basic plane exactly as the full table does, keeping the length', () => {
    const table = referenceTable();
    let folded = 0;
    // Collected, not asserted one by one: 65,000 assertions took longer than a test may under load.
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      // With a non-ASCII neighbour, so the ASCII shortcut doesn't apply.
      const out = foldChars(`${ch}\u00e9`);
      if (out.length !== 2 || out[0] !== (table.get(ch) ?? ch)) wrong.push(`U+${cp.toString(16)} -> ${JSON.stringify(out)}`);
      if (out[0] !== ch) folded++;
    }
    expect(wrong).toEqual([]);
    expect(folded).toBe([...table].filter(([k, v]) => k !== v).length);
  });

  it('folds names as pages write them', () => {
    expect(foldChars('Ｓｈｉｋｏｔａｎ — Shinzō’s «Хабомаи» and Ёлки')).toBe("Shikotan - Shinzo's «Хабомаи» and Елки");
    expect(fold('  Japan – Russia  ')).toBe('japan-russia');
  });
});
