/** Debian's chromium; browsers cannot be downloaded on the machines Carpeta is built on. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless flags every browser test and benchmark uses. Without the background-networking ones,
 * chromium keeps trying to reach Google's hosts from a machine with no internet.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launch options for Playwright (e2e, benchmark) and Vitest's Playwright provider (stories). */
export const CHROMIUM_LAUNCH_OPTIONS = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
