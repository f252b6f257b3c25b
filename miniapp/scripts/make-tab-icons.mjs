// Draws the four tab-bar icons (grey and Party-red) as 162×162 PNGs (81 px at 2x): WeChat's tabBar accepts only
// bitmap icons. Re-run after editing a shape: node scripts/make-tab-icons.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser } from '../e2e/lib/browser.mjs';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/assets/tab');
const COLOURS = { '': '#595959', '-active': '#c8102e' };
const SHAPES = {
  home: '<path d="M3 11.5 12 3.5l9 8"/><path d="M5.5 9.8V20.5H10v-6h4v6h4.5V9.8"/>',
  study: '<path d="M12 6.5C10 5 7 4.5 3 5v14c4-.5 7 0 9 1.5 2-1.5 5-2 9-1.5V5c-4-.5-7 0-9 1.5z"/><path d="M12 6.5v14"/>',
  activities: '<path d="M5.5 21V3.5"/><path d="M5.5 4.5h12l-2.5 4 2.5 4h-12"/>',
  me: '<circle cx="12" cy="8" r="4"/><path d="M4 20.5c0-4.4 3.6-7 8-7s8 2.6 8 7"/>',
};

const browser = await openBrowser();
try {
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const [suffix, colour] of Object.entries(COLOURS)) {
      await browser.page.setContent(
        `<body style="margin:0;background:transparent"><svg id="icon" xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 24 24" fill="none" stroke="${colour}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${shape}</svg></body>`,
      );
      const file = path.join(OUT, `${name}${suffix}.png`);
      await browser.page.locator('#icon').screenshot({ path: file, omitBackground: true });
      console.log(file);
    }
  }
} finally {
  await browser.close();
}
