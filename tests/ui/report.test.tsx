import { describe, expect, it } from 'vitest';
import type { Category, TopicDetails } from '../../src/core/corpus-types';
import type { PageReport } from '../../src/core/messages';
import { pageReportMarkdown, reportTopicIds } from '../../src/ui/report';

const categories: Category[] = [
  { id: 'events', label: 'Events', color: '#6a4c93' },
  { id: 'people', label: 'People', color: '#9b2226' },
];
const source = {
  id: 'amb',
  title: 'Where is Japan’s Russian policy headed?',
  publisher: null,
  author: 'A former ambassador',
  date: '2022',
  dateText: '2022',
  language: 'en',
  url: null,
};
const vote = 'Supported by 141 of the 193 UN member states';

const resolution: TopicDetails = {
  corpusVersion: 'c0ffee12',
  category: categories[0]!,
  sources: { amb: source },
  topic: {
    id: 'un-resolution',
    name: 'UN General Assembly resolution ES-11/1',
    category: 'events',
    aliases: [],
    summary: 'The General Assembly deplored the invasion.',
    facts: [{ text: 'It passed with a large majority.', quotes: [{ source: 'amb', text: vote }] }],
    viewpoints: [{ holder: 'Japanese government', position: 'Voted for it.', quotes: [{ source: 'amb', text: vote }] }],
    claims: [
      { attribute: 'count', label: 'How many UN member states supported it', value: 141, units: ['states'], quote: { source: 'amb', text: vote } },
    ],
  },
};

const report: PageReport = {
  title: 'World news',
  url: 'https://news.example/world',
  checks: [
    { topicId: 'un-resolution', verdict: 'conflict', claims: [0], stated: '143', sentence: 'The resolution was supported by 143 member states.' },
  ],
  found: [
    { id: 'un-resolution', name: 'UN General Assembly resolution ES-11/1', category: 'events', count: 2 },
    { id: 'lavrov', name: 'Sergey Lavrov', category: 'people', count: 1 },
  ],
};

const make = (details: Map<string, TopicDetails | null>) =>
  pageReportMarkdown(report, { details, categories, madeAt: '30 Nov 2026, 10:00', corpusVersion: 'c0ffee12', lang: 'en' });

describe('the page report', () => {
  const md = make(
    new Map([
      ['un-resolution', resolution],
      ['lavrov', null],
    ]),
  );

  it('lists each checked statement with its sentence, verdict, the sourced value, the quote and its citation', () => {
    expect(md).toContain('# Backstory report: World news\n\nhttps://news.example/world\n');
    expect(md).toContain('## Statements checked (1)');
    expect(md).toContain('### 1. The sources say otherwise — the page says “143”');
    expect(md).toContain('In the sentence: “The resolution was supported by 143 member states.”');
    expect(md).toContain('Checked as: How many UN member states supported it (UN General Assembly resolution ES-11/1)');
    expect(md).toContain(
      `> **How many UN member states supported it: 141 states:** ${vote}\n>\n> — A former ambassador, *Where is Japan’s Russian policy headed?*, 2022. Quoted via Backstory, corpus \`c0ffee12\`.`,
    );
  });

  it('lists the topics found by category, with their sourced facts and viewpoints, and says where details failed', () => {
    const topics = md.slice(md.indexOf('## Topics found (2)'));
    expect(topics.indexOf('### Events')).toBeLessThan(topics.indexOf('### People'));
    expect(topics).toContain(
      '#### UN General Assembly resolution ES-11/1 (2 on the page)\n\nThe General Assembly deplored the invasion.\n\n**It passed with a large majority.**\n\n> Supported by 141',
    );
    expect(topics).toContain('**Japanese government:** Voted for it.\n\n> **Japanese government:** Supported by 141');
    expect(topics).toContain('#### Sergey Lavrov (1 on the page)\n\n(details could not be loaded)');
  });

  it('writes the page’s own words as text: no link, image, emphasis or HTML of the page’s making gets into the notes', () => {
    const hostile: PageReport = {
      ...report,
      title: '[Official MOFA statement](https://evil.example)',
      checks: [
        {
          ...report.checks[0]!,
          stated: '*143*',
          sentence:
            'It passed by 143 — [MOFA: full text](https://evil.example) **Verified by Backstory** ![x](https://tracker.example/p.png) <img src=x>',
        },
      ],
    };
    const md = pageReportMarkdown(hostile, {
      details: new Map([['un-resolution', resolution]]),
      categories,
      madeAt: 'now',
      corpusVersion: 'v',
      lang: 'en',
    });
    expect(md).toContain('# Backstory report: \\[Official MOFA statement\\](https://evil.example)');
    expect(md).toContain('the page says “\\*143\\*”');
    expect(md).toContain(
      '\\[MOFA: full text\\](https://evil.example) \\*\\*Verified by Backstory\\*\\* !\\[x\\](https://tracker.example/p.png) \\<img src=x\\>',
    );
    expect(md).not.toMatch(/(?<!\\)\[MOFA/);
  });

  it('says when nothing on the page was checked, and asks for each topic once', () => {
    const none = pageReportMarkdown({ ...report, checks: [] }, { details: new Map(), categories, madeAt: 'now', corpusVersion: 'v', lang: 'en' });
    expect(none).toContain('## Statements checked (0)\n\nNo statement on this page states a date or number that the sources cover.');
    expect(reportTopicIds(report)).toEqual(['un-resolution', 'lavrov']);
  });
});
