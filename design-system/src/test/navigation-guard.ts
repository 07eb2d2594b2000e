let lastPrevented: boolean | undefined;
let installed = false;

/**
 * Listens (bubble phase, on document — after React's root listener) for clicks on links, records
 * whether the application prevented them, then prevents them so the test page never navigates.
 */
export function installNavigationGuard(): void {
  if (installed) return;
  installed = true;
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('a[href]')) return;
    lastPrevented = event.defaultPrevented;
    event.preventDefault();
  });
}

/** Whether the application (not the guard) prevented the last link click. */
export function lastLinkClickPrevented(): boolean | undefined {
  return lastPrevented;
}
