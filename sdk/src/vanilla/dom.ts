/** What `h` accepts as children: nodes, text (always inserted as text, never parsed), lists. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

/**
 * Attributes by their HTML names ("class", "aria-expanded", "data-id"). `true` writes an empty
 * attribute, `false`/`null`/`undefined` leave it out. No event handlers here: listen on the MFE's
 * element with the mount's `signal`, so that nothing outlives the MFE.
 */
export type Attributes = Record<string, string | number | boolean | null | undefined>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const item of child as readonly Child[]) append(parent, item);
    return;
  }
  parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

/**
 * Builds an element with DOM APIs: text is text, so an agency's hostile string renders as it is
 * and never as markup. `h('p', { class: 'cp-body-s' }, 'Hola ', h('strong', null, name))`.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) append(element, child);
  return element;
}

/** A fragment of several nodes, e.g. to `replaceChildren(...)` with. */
export function fragment(...children: Child[]): DocumentFragment {
  const result = document.createDocumentFragment();
  for (const child of children) append(result, child);
  return result;
}
