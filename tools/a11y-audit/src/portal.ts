import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGE_COOKIE, type Language, SHELL_INTERACTIVE_MARK, THEME_COOKIE } from '@carpeta/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface RunningPortal {
  url: string;
  /** The simulated DEHú's control endpoint (fault injection for the partial-source state). */
  dehu: string;
  stop(): Promise<void>;
}

/**
 * Starts the built portal as the end-to-end tests do (scripts/portal.ts with its own port base and
 * the same test settings), on a fresh embedded database of its own.
 */
export async function startPortal(base: number, log: (line: string) => void): Promise<RunningPortal> {
  const missing = ['shell/dist/index.html'].filter((file) => !existsSync(join(ROOT, file)));
  if (missing.length > 0) throw new Error(`Not built yet (${missing.join(', ')}): run \`pnpm build\` first.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'carpeta-a11y-'));
  const url = `http://127.0.0.1:${base}`;
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts/portal.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      CARPETA_PORT_BASE: String(base),
      CARPETA_DATA_DIR: dataDir,
      AGENCY_TIMEOUT_MS: '1500',
      AGENCY_BREAKER_HALF_OPEN_MS: '500',
      AGENCY_CACHE_SECONDS: '0',
      IDP_TEST_CITIZENS: 'true',
      SIGNIN_MAX_FAILURES: '1000',
      FEEDBACK_RATE_PER_HOUR: '1000',
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  log(`Starting the portal on ${url} …`);
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The portal stopped (exit ${child.exitCode}):\n${stderr}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, dehu: dehuFor(url), stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`The portal did not answer within 150 s:\n${stderr}`);
}

/** The simulated DEHú listens at the portal's port + 101 (scripts/lib/topology.ts). */
export function dehuFor(portal: string): string {
  const url = new URL(portal);
  return `http://127.0.0.1:${Number(url.port) + 101}`;
}

/** Sets the simulated DEHú's fault mode (its control endpoint, as the e2e tests do). */
export async function setDehuFault(dehu: string, mode: 'ok' | 'down'): Promise<void> {
  const response = await fetch(`${dehu}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode }),
  });
  if (!response.ok) throw new Error(`DEHú fault control answered ${response.status}`);
}

/**
 * Signs a test citizen in through the simulated Cl@ve's pages (as e2e/support/auth.ts does) and
 * returns the browser storage that holds the session.
 */
export async function signIn(browser: Browser, portal: string, nif: string, actingFor?: RegExp) {
  const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block', locale: 'es-ES' });
  // The words below are the Spanish ones.
  await choosePreferences(context, portal, 'es', 'light');
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  try {
    await page.goto(`${portal}/auth/login?${new URLSearchParams({ returnTo: '/', lang: 'es' })}`);
    await page.locator('input[name="method"][value="clave-movil"]').check();
    await page.locator('main form button[value="continue"]').click();
    await page.locator(`input[name="citizen"][value="${nif}"]`).check();
    await page.locator('main form button[value="continue"]').click();
    const origin = new URL(portal).origin;
    // Consent is asked once per provider session.
    await page.waitForURL((url) => url.origin === origin || /consent|interaction/.test(url.pathname));
    if (new URL(page.url()).origin !== origin) {
      const consent = page.locator('main form button[value="continue"]');
      if (await consent.isVisible()) await consent.click();
    }
    await page.waitForURL((url) => url.origin === origin && !url.pathname.startsWith('/auth/'));
    await page.getByTestId('user-area').getByRole('button', { name: 'Cerrar sesión' }).waitFor();
    if (actingFor) {
      await shellReady(page);
      await page.getByRole('button', { name: 'Actuar en nombre de…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Actuar en nombre de otra persona' });
      await dialog.getByRole('radio', { name: actingFor }).check();
      await dialog.getByRole('button', { name: 'Cambiar' }).click();
      await page.getByTestId('acting-for').waitFor();
    }
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** Waits for the shell to have taken the page over, and every MFE area to have settled. */
export async function shellReady(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark).length > 0,
    SHELL_INTERACTIVE_MARK,
    {
      timeout,
    },
  );
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('[data-mfe]')).every(
        (area) => area.getAttribute('aria-busy') !== 'true',
      ),
    undefined,
    { timeout },
  );
  // MFEs that fetch their data after mounting: their page is there once it has its heading.
  await page
    .locator('main h1')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle', { timeout: 1_500 }).catch(() => undefined);
}

/** The page's language and appearance, as the shell keeps them (storage and cookies). */
export async function choosePreferences(
  context: BrowserContext,
  portal: string,
  language: Language,
  theme: 'light' | 'dark' | 'high-contrast',
): Promise<void> {
  await context.addCookies([
    { name: LANGUAGE_COOKIE, value: language, url: portal },
    { name: THEME_COOKIE, value: theme, url: portal },
  ]);
  await context.addInitScript(
    ([chosenLanguage, chosenTheme]) => {
      try {
        window.localStorage.setItem('carpeta.language', chosenLanguage);
        window.localStorage.setItem('carpeta.theme', chosenTheme);
      } catch {
        // Storage disabled: the cookies still say it.
      }
    },
    [language, theme] as const,
  );
}
