// Renders the app icons of the web app manifest (shell/public/icons/*.png) from the portal's
// favicon with Debian's chromium: run once after changing shell/public/favicon.svg, and commit the
// PNG files. `pnpm exec node shell/scripts/icons.ts`
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_LAUNCH_OPTIONS } from '@carpeta/chromium';
import { chromium } from '@playwright/test';

const here = import.meta.dirname;
const favicon = readFileSync(join(here, '../public/favicon.svg'), 'utf8');
const background = /<rect[^>]*fill="(#[0-9a-fA-F]{6})"/.exec(favicon)?.[1] ?? '#0b3d91';
const glyph = /<path[^>]*\/>/.exec(favicon)?.[0] ?? '';

/** "any" icons are the favicon itself; the maskable one fills the square and keeps the glyph in the 80 % safe zone. */
const icons = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  {
    file: 'maskable-512.png',
    size: 512,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(16 16.5) scale(0.7) translate(-16 -16.5)">${glyph}</g></svg>`,
  },
];

const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)}</body></html>`,
    );
    await page.screenshot({ path: join(here, '../public/icons', icon.file), omitBackground: true });
    await page.close();
    console.log(`shell/public/icons/${icon.file}: ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
