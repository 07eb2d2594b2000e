// Functions that run inside the audited page (serialised by Playwright): they may only use what is
// defined within their own body and the page's globals.

export interface ElementInfo {
  selector: string;
  html: string;
  mfe: string;
  label: string;
}

export interface AuditHelpers {
  info(element: Element): ElementInfo;
  /** Focusable elements in sequential focus order (positive tabindex first, then the document's). */
  tabbables(): Element[];
  /** The computed styles that can show focus, of the element and its close relatives. */
  focusSignature(element: Element): string;
  /** Elements whose text is cut off by their own box (overflow hidden or clip). */
  clipped(): Element[];
  /** The outermost visible elements sticking out past the viewport's right edge (what scrolls). */
  overflowing(): Element[];
}

declare global {
  interface Window {
    __carpetaA11y?: AuditHelpers;
  }
}

/** Installs `window.__carpetaA11y` (idempotent). */
export function installHelpers(): void {
  if (window.__carpetaA11y) return;
  const cssEscape = (value: string) => (window.CSS?.escape ? window.CSS.escape(value) : value);
  const path = (element: Element): string => {
    const parts: string[] = [];
    let current: Element | null = element;
    while (current && current !== document.documentElement) {
      const tag = current.tagName.toLowerCase();
      if (current.id && document.querySelectorAll(`#${cssEscape(current.id)}`).length === 1) {
        parts.unshift(`#${cssEscape(current.id)}`);
        break;
      }
      const parent: Element | null = current.parentElement;
      let part = tag;
      if (parent) {
        const same = Array.from(parent.children).filter((child) => child.tagName === current?.tagName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(current) + 1})`;
      }
      parts.unshift(part);
      current = parent;
    }
    return parts.join(' > ') || 'html';
  };
  const visible = (element: Element) => {
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    const rect = element.getBoundingClientRect();
    return rect.width > 0 || rect.height > 0 || element.getClientRects().length > 0;
  };
  const FOCUSABLE =
    'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, [tabindex], [contenteditable=""], [contenteditable="true"], audio[controls], video[controls]';
  const transparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
  const describeStyle = (style: CSSStyleDeclaration) => {
    const outline =
      style.outlineStyle === 'none' || Number.parseFloat(style.outlineWidth) === 0
        ? 'none'
        : transparent(style.outlineColor) && !matchMedia('(forced-colors: active)').matches
          ? 'none'
          : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset}`;
    return [
      outline,
      style.boxShadow,
      style.backgroundColor,
      style.color,
      style.borderTopColor,
      style.borderBottomColor,
      style.borderLeftColor,
      style.borderTopWidth,
      style.borderBottomWidth,
      style.textDecorationLine,
      style.textDecorationThickness,
      style.transform,
      style.opacity,
      style.clipPath,
    ].join('|');
  };
  window.__carpetaA11y = {
    info(element) {
      const html = element.outerHTML;
      const label = (element.getAttribute('aria-label') ?? element.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 60);
      const area = element.closest('[data-mfe]');
      return {
        selector: path(element),
        html: html.length > 300 ? `${html.slice(0, 300)}…` : html,
        mfe: area?.getAttribute('data-mfe') ?? 'shell',
        label: `${element.tagName.toLowerCase()}${label ? ` “${label}”` : ''}`,
      };
    },
    tabbables() {
      const all = Array.from(document.querySelectorAll(FOCUSABLE)).filter((element) => {
        const html = element as HTMLElement;
        if (html.tabIndex < 0) return false;
        if ((element as HTMLButtonElement).disabled) return false;
        if (element.closest('[inert]')) return false;
        if (element instanceof HTMLInputElement && element.type === 'radio' && !element.checked) {
          // One stop per radio group: the checked one, or the group's first.
          const group = element.form
            ? Array.from(
                element.form.querySelectorAll(`input[type="radio"][name="${cssEscape(element.name)}"]`),
              )
            : Array.from(document.querySelectorAll(`input[type="radio"][name="${cssEscape(element.name)}"]`));
          const checked = group.find((radio) => (radio as HTMLInputElement).checked);
          if (checked || group[0] !== element) return false;
        }
        return visible(element);
      });
      const positive = all
        .filter((element) => (element as HTMLElement).tabIndex > 0)
        .sort((a, b) => (a as HTMLElement).tabIndex - (b as HTMLElement).tabIndex);
      return [...positive, ...all.filter((element) => (element as HTMLElement).tabIndex === 0)];
    },
    focusSignature(element) {
      const rect = element.getBoundingClientRect();
      const parts = [
        describeStyle(getComputedStyle(element)),
        describeStyle(getComputedStyle(element, '::before')),
        describeStyle(getComputedStyle(element, '::after')),
        `${Math.round(rect.width)}x${Math.round(rect.height)}`,
      ];
      // A visually hidden control (a custom radio or checkbox) shows focus on its label or its neighbour.
      for (const relative of [
        element.parentElement,
        element.nextElementSibling,
        element.previousElementSibling,
      ])
        if (relative) parts.push(describeStyle(getComputedStyle(relative)));
      if (element.id) {
        const label = document.querySelector(`label[for="${cssEscape(element.id)}"]`);
        if (label) parts.push(describeStyle(getComputedStyle(label)));
      }
      return parts.join('\n');
    },
    clipped() {
      const result: Element[] = [];
      for (const element of Array.from(document.body.querySelectorAll('*'))) {
        if (!element.textContent?.trim()) continue;
        const style = getComputedStyle(element);
        const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip';
        const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
        if (!clipsX && !clipsY) continue;
        const html = element as HTMLElement;
        // Visually hidden text (1 px boxes) is meant for screen readers only.
        if (html.clientWidth <= 2 || html.clientHeight <= 2) continue;
        if (!visible(element)) continue;
        if (
          (clipsY && html.scrollHeight > html.clientHeight + 2) ||
          (clipsX && html.scrollWidth > html.clientWidth + 2)
        )
          result.push(element);
      }
      return result;
    },
    overflowing() {
      const limit = document.documentElement.clientWidth;
      const sticksOut = (element: Element) => {
        const rect = element.getBoundingClientRect();
        return rect.width > 0 && rect.right > limit + 1;
      };
      const insideScroller = (element: Element) => {
        for (
          let parent = element.parentElement;
          parent && parent !== document.body;
          parent = parent.parentElement
        ) {
          const overflow = getComputedStyle(parent).overflowX;
          if (overflow !== 'visible') return true;
        }
        return false;
      };
      return Array.from(document.body.querySelectorAll('*')).filter(
        (element) =>
          sticksOut(element) &&
          visible(element) &&
          !(
            element.parentElement &&
            element.parentElement !== document.body &&
            sticksOut(element.parentElement)
          ) &&
          !insideScroller(element),
      );
    },
  };
}
