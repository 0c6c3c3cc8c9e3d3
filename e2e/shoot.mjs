// Screenshots of the built dist/ for looking at the layout: node e2e/shoot.mjs [out-dir]
// Desktop (1280 px) and phone (375 px), light and dark, at several scroll positions.
import { mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, openPage } from './browser.mjs';

const out = process.argv[2] ?? 'e2e/screenshots';
await mkdir(out, { recursive: true });
const server = await serve('dist');
const browser = await launch();
const shots = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 667 },
];
for (const s of shots) {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(browser, server.url, { width: s.width, height: s.height, colorScheme, reducedMotion: 'reduce' });
    for (const hash of ['', 'history-2', 'history-7', 'cost-2', 'current-3']) {
      if (hash) {
        // A hash typed by hand: the app follows it to the passage.
        await page.evaluate((id) => { location.hash = id; }, hash);
        await page.waitForFunction((id) => document.getElementById(id).classList.contains('put-step--active'), hash);
      }
      await page.screenshot({ path: `${out}/${s.name}-${colorScheme}-${hash || 'top'}.png` });
    }
    await page.context().close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}/`);
