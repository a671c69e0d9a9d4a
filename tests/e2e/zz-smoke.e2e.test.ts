import { expect, it } from 'vitest';
import { launch } from './harness';
it('smoke', async () => {
  const h = await launch();
  const page = await h.open('contract.html');
  const errors: string[] = [];
  page.on('console', (m) => errors.push(m.type() + ': ' + m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, hl] of (CSS as any).highlights) out[name] = [...hl].map((r: any) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x.toString(); });
    return out;
  });
  console.log(JSON.stringify(r), errors);
  await page.screenshot({ path: '/tmp/smoke.png' });
  // hover the first mention
  const box = await page.evaluate(() => { const h = (CSS as any).highlights.get('backstory-agreements'); const r = [...h][0] as any; const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); const b = x.getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; });
  await page.mouse.move(box.x - 30, box.y);
  await page.mouse.move(box.x, box.y, { steps: 3 });
  await page.waitForTimeout(900);
  const tip = await page.evaluate(() => document.querySelector('[data-annotation-tooltip]')?.shadowRoot?.querySelector('.panel.open h2')?.textContent ?? null);
  console.log('tooltip', tip, errors);
  await page.screenshot({ path: '/tmp/smoke-hover.png' });
  await h.close();
  expect(Object.keys(r).length).toBeGreaterThan(0);
}, 60000);
