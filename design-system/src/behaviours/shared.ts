/** Undoes what an `init…` function set up: listeners, observers. Calling it twice is harmless. */
export type Disposer = () => void;

/** Where behaviours listen: a subtree of the page (an MFE's element) or the whole document. */
export type Root = HTMLElement | Document;

export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), summary';

export function documentOf(root: Root): Document {
  return root instanceof Document ? root : root.ownerDocument;
}

/** The element an `aria-controls` (or `href="#id"`) points at, searched in the root's document. */
export function byId(root: Root, id: string | null): HTMLElement | null {
  if (!id) return null;
  return documentOf(root).getElementById(id);
}

export function targetElement(event: Event): Element | null {
  return event.target instanceof Element ? event.target : null;
}

/** Whether `node` is inside `root` (a Document contains everything of its own). */
export function within(root: Root, node: Node | null): boolean {
  if (!node) return false;
  return root instanceof Document ? node.ownerDocument === root : root.contains(node);
}

export function isVisible(element: HTMLElement): boolean {
  return element.getClientRects().length > 0;
}

/** Sets a boolean ARIA state as the strings "true"/"false". */
export function setExpanded(element: Element, expanded: boolean): void {
  element.setAttribute('aria-expanded', String(expanded));
}

export const isExpanded = (element: Element) => element.getAttribute('aria-expanded') === 'true';
