import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { launch, waitForMentions } from './harness';
it('prof', async () => {
  const h = await launch();
  const page = await h.open('heavy.html');
  page.on('console', (m) => console.log('PAGE', m.type(), m.text()));
  await waitForMentions(page, 3);
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  const len = await page.evaluate(() => (window as any).bigText(Number(process?.env?.KB ?? 1024), 2048)).catch(async () => page.evaluate(() => (window as any).bigText(1024, 2048)));
  console.log('built', len, Date.now() - t0);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(1000);
    const n = await page.evaluate(() => { let n = 0; for (const [k, h] of (CSS as any).highlights) if (k === 'backstory-places') n += h.size; return n; });
    console.log(i, n, Date.now() - t0);
    if (n >= 500) break;
  }
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  (profile.samples ?? []).forEach((id: number, i: number) => { const n: any = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000); });
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
  await h.close();
}, 120000);
