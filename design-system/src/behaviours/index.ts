import { initDialogs } from './dialog.ts';
import { initDisclosures } from './disclosure.ts';
import { initErrorSummaries } from './error-summary.ts';
import { initMenus } from './menu.ts';
import type { Disposer, Root } from './shared.ts';
import { initTabs } from './tabs.ts';

/*
 * Framework-free behaviours of the design system's `cp-` markup, for micro-frontends without React
 * (plain JavaScript, web components, Angular): the same keyboard and focus behaviour as the React
 * components, following the WAI-ARIA Authoring Practices. Every behaviour listens on the root it is
 * given (event delegation), so markup rendered later inside it works without another `init`, and
 * keeps its state in the markup (aria-expanded, aria-selected, hidden), never in memory.
 *
 *   import { init } from '@carpeta/design-system/behaviours';
 *   const dispose = init(element);   // in mount
 *   dispose();                       // in unmount: no listener or observer is left behind
 */

export type { Disposer, Root } from './shared.ts';
export { closeDialog, initDialogs, openDialog } from './dialog.ts';
export { initDisclosures } from './disclosure.ts';
export { focusErrorSummary, initErrorSummaries } from './error-summary.ts';
export { closeMenu, initMenus, openMenu } from './menu.ts';
export { initTabs, selectTab } from './tabs.ts';

/** Every behaviour on `root`; returns one disposer for all of them. */
export function init(root: Root): Disposer {
  const disposers = [
    initDisclosures(root),
    initTabs(root),
    initMenus(root),
    initDialogs(root),
    initErrorSummaries(root),
  ];
  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    for (const dispose of disposers) dispose();
  };
}
