import { describe, expect, it } from 'vitest';
import { citeQuote } from '../../src/core/citation';

const rusi = {
  id: 'rusi',
  title: 'Russia’s Cancellation of Peace Treaty Talks',
  publisher: 'RUSI Commentary',
  author: 'James D J Brown',
  date: '2022',
  dateText: '2022',
  language: 'en',
  url: null,
};
const quote = { source: 'rusi', text: 'On 21 March, Russia’s Ministry of Foreign Affairs announced' };

describe('citeQuote', () => {
  it('cites a quote with author, title, publisher, date and corpus version', () => {
    const c = citeQuote(quote, rusi, 'ab12cd34');
    expect(c.text).toBe(
      '“On 21 March, Russia’s Ministry of Foreign Affairs announced” — James D J Brown, “Russia’s Cancellation of Peace Treaty Talks”, RUSI Commentary, 2022. (Quoted via Backstory, corpus ab12cd34.)',
    );
    expect(c.markdown).toBe(
      '> On 21 March, Russia’s Ministry of Foreign Affairs announced\n>\n> — James D J Brown, *Russia’s Cancellation of Peace Treaty Talks*, RUSI Commentary, 2022. Quoted via Backstory, corpus `ab12cd34`.',
    );
  });

  it('leaves out what the source does not say, and links only a real address', () => {
    const anonymous = { ...rusi, author: null, publisher: null, url: 'https://example.org/a' };
    const c = citeQuote(quote, anonymous, 'v1', 'Viewpoint of the Japanese government');
    expect(c.text).not.toMatch(/null|undefined/);
    expect(c.text).toContain('https://example.org/a');
    expect(c.text.startsWith('Viewpoint of the Japanese government: “On 21 March')).toBe(true);
    expect(c.markdown).toContain('[Russia’s Cancellation of Peace Treaty Talks](https://example.org/a)');
  });

  it('escapes Markdown in corpus text', () => {
    const c = citeQuote({ source: 'rusi', text: 'a *starred* [link](x)' }, rusi, 'v1');
    expect(c.markdown).toContain('a \\*starred\\* \\[link\\](x)');
  });
});
