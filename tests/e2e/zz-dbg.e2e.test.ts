import { it } from 'vitest';
import { hoverMention, launch, mentionBox, mentions, waitForMentions } from '/work/main/tests/e2e/harness';
it('dbg', async () => {
  const h = await launch();
  const page = await h.open('rusi-brown-2022.html');
  await waitForMentions(page, 5);
  const ms = await mentions(page);
  console.log(ms.filter((m) => /1956|Northern/.test(m.text)).slice(0, 6));
  const box = await mentionBox(page, '1956 Soviet–Japanese Joint Declaration');
  console.log(box);
  const at = await page.evaluate(([x, y]) => { const e = document.elementFromPoint(x, y); return e?.outerHTML.slice(0, 300); }, [box.x + 10, box.y + box.height / 2]);
  console.log(at);
  await hoverMention(page, '1956 Soviet–Japanese Joint Declaration');
  await page.waitForTimeout(1500);
  console.log(await page.locator('[data-annotation-tooltip] .panel').evaluateAll((p) => p.map((e) => e.outerHTML.slice(0, 300))));
  await h.close();
}, 60000);
