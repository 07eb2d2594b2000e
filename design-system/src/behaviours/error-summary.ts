import { type Disposer, documentOf, type Root, targetElement, within } from './shared.ts';

/**
 * The error summary (`cp-error-summary`) after a failed submit: it takes focus when it appears, so
 * that screen readers read it at once (unless `data-autofocus="false"`), and each of its links
 * moves focus to its field and scrolls the field's label (or legend) into view.
 */

const SUMMARY = '.cp-error-summary';

export function focusErrorSummary(summary: HTMLElement): void {
  if (!summary.hasAttribute('tabindex')) summary.tabIndex = -1;
  summary.focus();
}

function focusNew(node: Node): void {
  if (!(node instanceof HTMLElement)) return;
  const summary = node.matches(SUMMARY) ? node : node.querySelector<HTMLElement>(SUMMARY);
  if (summary && summary.dataset.autofocus !== 'false') focusErrorSummary(summary);
}

export function initErrorSummaries(root: Root): Disposer {
  const controller = new AbortController();
  const doc = documentOf(root);

  root.addEventListener(
    'click',
    (event) => {
      const link = targetElement(event)?.closest<HTMLAnchorElement>(`${SUMMARY} a[href^="#"]`);
      if (!link || !within(root, link)) return;
      const id = decodeURIComponent(link.getAttribute('href')?.slice(1) ?? '');
      const field = id ? doc.getElementById(id) : null;
      if (!field) return;
      event.preventDefault();
      const legendOrLabel =
        field.closest('fieldset')?.querySelector('legend') ??
        doc.querySelector(`label[for="${CSS.escape(id)}"]`);
      (legendOrLabel ?? field).scrollIntoView?.();
      field.focus({ preventScroll: true });
    },
    { signal: controller.signal },
  );

  // A summary already there (a page rendered after a failed submit), and every one added later.
  const present = root.querySelector<HTMLElement>(SUMMARY);
  if (present) focusNew(present);
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) focusNew(node);
  });
  observer.observe(root, { childList: true, subtree: true });

  return () => {
    controller.abort();
    observer.disconnect();
  };
}
