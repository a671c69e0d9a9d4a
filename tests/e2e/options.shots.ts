// `npm run screenshots`: the options page (a pack installed, a rejected import, a wrong match
// listed) in light and dark, and a pack topic's tooltip with its "Wrong match" button. In this run's
// paint mode (harness.ts PAINT_MODE); pictures of mark mode are named *-marks.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { hoverMention, launch, PAINT_MODE, waitForMentions } from './harness';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'packs', 'sample-pack.json'), 'utf8');
const OUT = 'artifacts/screenshots';
mkdirSync(OUT, { recursive: true });
const shot = (name: string) => `${OUT}/${name}${PAINT_MODE === 'marks' ? '-marks' : ''}.png`;

it('takes screenshots of the options page', async () => {
  const h = await launch();
  try {
    const options = await h.context.newPage();
    await options.setViewportSize({ width: 900, height: 1000 });
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const input = options.locator('input[type="file"][data-import]');
    await input.setInputFiles({ name: 'sample-pack.json', mimeType: 'application/json', buffer: Buffer.from(SAMPLE) });
    await options.locator('[data-pack]').waitFor();

    const page = await h.open('packs.html');
    await waitForMentions(page, 4);
    await hoverMention(page, 'Lanternbury Harbour Accord');
    await page.locator('[data-annotation-tooltip] [data-part="source"]').first().waitFor();
    await page.waitForTimeout(200);
    // Scrolled to its footer: "Matched …", the pack's version, "Wrong match".
    await page.locator('[data-annotation-tooltip] .panel').evaluate((el) => {
      for (const e of [el, ...el.querySelectorAll('*')]) e.scrollTop = e.scrollHeight;
    });
    await page.waitForTimeout(100);
    await page.screenshot({ path: shot('tooltip-pack') });
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    await hoverMention(page, 'Habomai islets');
    await page.locator('[data-annotation-tooltip] [data-part="wrong-match"]').click();
    await options.locator('[data-false-match]').waitFor();

    // A draft of another pack: a new topic, with a misquote, a bad date and an alias already taken.
    const broken = JSON.parse(SAMPLE) as {
      pack: { id: string };
      sources: Array<Record<string, unknown>>;
      topics: Array<Record<string, unknown> & { facts: Array<{ quotes: Array<{ text: string }> }> }>;
    };
    broken.pack.id = 'my-draft-pack';
    broken.sources[0]!.date = 'spring 2001';
    broken.topics = [{ ...broken.topics[0]!, id: 'amberfold-lighthouse', aliases: ['Amberfold lighthouse', 'Shikotan'] }];
    broken.topics[0]!.facts[0]!.quotes[0]!.text = 'the towns signed the accord in 2002';
    await input.setInputFiles({ name: 'my-draft-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await options.locator('[data-outcome="rejected"]').waitFor();
    await options.screenshot({ path: shot('options'), fullPage: true });
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.waitForTimeout(100);
    await options.screenshot({ path: shot('options-dark'), fullPage: true });
  } finally {
    await h.close();
  }
}, 120000);
