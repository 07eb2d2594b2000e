// Progressive enhancement for the simulated identity provider's pages (served from its own
// origin, so a strict CSP allows it). Every page works without it.
(() => {
  // Sign-out needs no decision: submit the form at once (its button stays as a fallback).
  const logout = document.querySelector('form[data-auto-submit]');
  if (logout instanceof HTMLFormElement) {
    logout.submit();
    return;
  }
  // Error summary links: move focus to the field (and show its label or legend), as GOV.UK does.
  for (const link of document.querySelectorAll('[data-error-summary] a[href^="#"]')) {
    link.addEventListener('click', (event) => {
      const target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (!target) return;
      event.preventDefault();
      const legendOrLabel =
        target.closest('fieldset')?.querySelector('legend') ??
        document.querySelector(`label[for="${target.id}"]`);
      (legendOrLabel ?? target).scrollIntoView();
      target.focus({ preventScroll: true });
    });
  }
})();
