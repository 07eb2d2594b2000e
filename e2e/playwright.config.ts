import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_LAUNCH_OPTIONS } from '@carpeta/chromium';
import { defineConfig } from '@playwright/test';
import { E2E } from './support/env.ts';

// The main process prepares the manifest file the gateway reads; tests edit it at run time to add
// or break micro-frontends without rebuilding or restarting anything. Workers inherit the path.
if (!process.env.TEST_WORKER_INDEX) {
  mkdirSync(join(E2E.manifestPath, '..'), { recursive: true });
  copyFileSync(join(E2E.root, 'gateway/config/mfes.json'), E2E.manifestPath);
  cpSync(join(E2E.root, 'shell/dist'), E2E.shellDist, { recursive: true });
}

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL: E2E.portal,
    // A failed test keeps its trace: every action with its log and the console, which show where a
    // test waited and on what. Without the DOM snapshots, the screencast and the network log that
    // comes with them, which cost a fifth of the run's time here (three specs: 83 s untraced, 88 s
    // so, 100–105 s with them); a screenshot and the page's accessibility tree show the failure.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    // The portal's service worker answers requests page.route() would otherwise see, and keeps
    // copies between a test's pages: only the installable app's own spec (pwa.spec.ts) allows it.
    serviceWorkers: 'block',
  },
  webServer: [
    {
      command: 'node ../scripts/portal.ts',
      url: `${E2E.portal}/api/health`,
      env: {
        CARPETA_PORT_BASE: String(E2E.base),
        CARPETA_MANIFEST: E2E.manifestPath,
        SHELL_DIST: E2E.shellDist,
        SHELL_RENDER: join(E2E.root, 'shell/dist-server/render.js'),
        AGENCY_TIMEOUT_MS: String(E2E.agencyTimeoutMs),
        // The fault tests switch an agency off and on within seconds: its circuit breaker probes it
        // again after half a second, not the default 10 s.
        AGENCY_BREAKER_HALF_OPEN_MS: '500',
        // ...and a page reloaded right after must ask the agency again, not the per-citizen cache
        // (its hits and expiry are tested in gateway/src/agencies/fan-out.test.ts).
        AGENCY_CACHE_SECONDS: '0',
        // The identity provider also lists the test-only citizen who holds the hostile agency data.
        IDP_TEST_CITIZENS: 'true',
        // Every test browser signs in from 127.0.0.1, and the provider's own tests end on the portal's
        // callback with states the gateway never issued (failed sign-ins): keep the per-address
        // throttle out of their way. The gateway's tests check the throttle itself.
        SIGNIN_MAX_FAILURES: '1000',
        // Feedback forms are limited per address and hour, and every test browser is 127.0.0.1 on a
        // database kept between runs: keep the limit out of reruns' way (the gateway's tests check it).
        FEEDBACK_RATE_PER_HOUR: '1000',
        // The alerts scheduler runs every second, so an alert is in the mail sink within moments.
        ALERTS_INTERVAL_MS: '1000',
        // A developer may point an MFE at the fixture remotes' origin (/dev/overrides; never in production).
        CARPETA_DEV_OVERRIDE_ORIGINS: E2E.fixtureOrigin,
        // The test remotes' origins, besides the MFEs' own (allowed through their URL variables).
        CARPETA_MFE_ORIGINS: [
          E2E.fixtureOrigin,
          E2E.angularFixtureOrigin,
          E2E.deadOrigin,
          E2E.recoveryOrigin,
          E2E.updateOrigin,
          E2E.agencyOrigin,
        ].join(','),
      },
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node ../tools/static-server/src/cli.ts --root fixtures/remotes/dist --port ${E2E.fixturePort} --host 127.0.0.1 --cors-origin ${E2E.portal}`,
      url: `${E2E.fixtureOrigin}/remoteEntry.js`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node ../tools/static-server/src/cli.ts --root fixtures/angular-remote/dist --port ${E2E.angularFixturePort} --host 127.0.0.1 --cors-origin ${E2E.portal}`,
      url: `${E2E.angularFixtureOrigin}/remoteEntry.js`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
