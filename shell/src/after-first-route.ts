/*
 * When the shell loads what it loads after the first route, in one place for the shell
 * (src/ahead.ts, src/main.tsx) and for the two measures of the first route (the e2e budget test and
 * `pnpm bench`), which must leave out the same files and wait the same time.
 */

/** When, after the first route, the navigation's remote entries are prefetched. */
export const PREFETCH_AFTER_MS = 1500;

/**
 * When, after the first route, the idle warm-up starts: the first seconds are the citizen's first
 * reading and clicks (and what Lighthouse counts as blocking time), which evaluating MFEs would
 * compete with. A click before then loads its MFE as its link is pointed at or focused.
 */
export const WARM_AFTER_MS = 5000;

/**
 * The shell's chunks imported only once the first route is shown (`afterFirstRoute` in
 * src/main.tsx): the service worker's loader (src/pwa.ts) and what loads the navigation's MFEs
 * ahead (src/ahead.ts). On a route with no MFE to wait for they may start before a measure sees the
 * route shown: they are not the route's.
 */
export const AFTER_FIRST_ROUTE_CHUNK = /^\/assets\/(pwa|ahead)-[\w-]+\.js$/;

/**
 * Dispatched on `window` each time a remote finished mounting (detail: `{ mfe }`): on the first
 * route with an MFE, the route is shown, and what comes after it may start.
 */
export const MFE_MOUNTED_EVENT = 'carpeta:mfe-mounted';
