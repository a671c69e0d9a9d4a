// A small corpus for unit tests, independent of data/ so tests state their own expectations.
import { compileIndex } from '../../src/core/corpus-compile';
import type { Corpus } from '../../src/core/corpus-validate';
import type { Topic } from '../../src/core/corpus-types';

const topic = (id: string, category: string, aliases: Topic['aliases']): Topic => ({
  id,
  name: id,
  category,
  aliases,
  summary: 's',
  facts: [{ text: 't', quotes: [{ source: 'src', text: 'q' }] }],
});

export const MINI: Corpus = {
  categories: [
    { id: 'places', label: 'Places', color: '#2f7d5b' },
    { id: 'agreements', label: 'Agreements', color: '#3560b0' },
    { id: 'people', label: 'People', color: '#8a4fb5' },
  ],
  sources: [],
  topics: [
    { ...topic('northern-territories', 'places', ['Northern Territories', 'Southern Kuril Islands', '北方領土', 'Южные Курилы']), pageAnchor: true },
    topic('kurils', 'places', ['Kuril Islands', 'Kurils', 'Курил*']),
    { ...topic('shikotan', 'places', ['Shikotan', '色丹島', 'Шикотан*']), pageAnchor: true },
    {
      ...topic('tokyo-declaration-1993', 'agreements', [{ text: 'Tokyo Declaration', ambiguous: true }]),
      notAliases: ['Tokyo Declaration on African Development'],
    },
    topic('joint-declaration-1956', 'agreements', [
      '1956 Soviet-Japanese Joint Declaration',
      'Soviet-Japanese Joint Declaration',
      '1956 Declaration',
      { text: 'Joint Declaration', ambiguous: true },
    ]),
    topic('abe', 'people', ['Shinzō Abe', 'Abe Shinzō', { text: 'Abe', ambiguous: true }]),
    topic('hokkaido', 'places', ['Hokkaidō']),
  ],
};

export const MINI_CONTEXT = {
  japan: ['Japan', 'Japanese', 'Tokyo', 'Япони*'],
  russia: ['Russia', 'Russian', 'Soviet', 'Moscow', 'Putin'],
  dispute: ['Kuril', 'Northern Territories', 'Shikotan'],
  titles: ['Prime', 'Minister', 'Mr'],
  nameFollowers: ['Administration'],
};

export const miniIndex = () => compileIndex(MINI, MINI_CONTEXT, 'test');
