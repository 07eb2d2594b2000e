import { createTranslator } from '@carpeta/sdk';
import type { AuditSummary } from '@carpeta/sdk/accessibility';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../messages/en.ts';
import { es } from '../messages/es.ts';
import { AccessibilityStatement } from './AccessibilityStatement.tsx';
import { loadStatementData, provideStatementData, statementData } from './audit-summary.ts';
import { STATEMENT_MESSAGES } from './statement-messages.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SUMMARY: AuditSummary = {
  reviewed: '2026-12-05',
  tool: '@carpeta/a11y-audit',
  pages: 321,
  durationSeconds: 600,
  violations: 2,
  toReview: 40,
  status: 'partially-compliant',
  nonAccessible: [
    {
      engine: 'axe',
      rule: 'color-contrast',
      mfe: 'notifications',
      owner: 'Dirección Electrónica Habilitada única',
      pages: 2,
      help: 'Elements must meet minimum color contrast ratio thresholds.',
    },
  ],
  matrix: [],
};

afterEach(() => {
  document.body.replaceChildren();
  provideStatementData(undefined);
});

async function render(language: 'es' | 'en') {
  const translator = createTranslator({ es, en }, language);
  const host = document.createElement('div');
  document.body.append(host);
  await act(async () =>
    createRoot(host).render(
      <AccessibilityStatement
        t={(key, options) => translator.t(key, options)}
        language={language}
        formatDate={(day) => `«${day}»`}
      />,
    ),
  );
  return host;
}

describe('the accessibility statement', () => {
  it('shows the latest audit: its status, what it found and where, its date and size', async () => {
    provideStatementData({ words: STATEMENT_MESSAGES, summary: SUMMARY });
    const host = await render('es');
    expect(host.querySelector('[data-testid="audit-status"]')?.textContent).toBe(
      'La última auditoría automática (321 páginas) encontró 2 incumplimientos de las WCAG 2.1 A/AA, que se indican a continuación.',
    );
    const items = [...host.querySelectorAll('[data-testid="non-accessible"] li')].map((li) => li.textContent);
    expect(items).toHaveLength(4);
    expect(items[3]).toBe(
      'Dirección Electrónica Habilitada única (notifications): axe · color-contrast, en 2 páginas.',
    );
    expect(host.querySelector('[data-testid="audit-preparation"]')?.textContent).toMatch(
      /^Esta declaración fue preparada el «2026-12-05», fecha de la última revisión\..* 321 páginas/,
    );
    // The legally required parts: how to report a problem, the answer within 20 working days.
    expect(host.querySelector('a[href="/feedback/accessibility"]')?.textContent).toBe(
      'Comunicar un problema de accesibilidad',
    );
    expect(host.textContent).toContain('20 días hábiles');
  });

  it('says when the audit found nothing, in the page’s language', async () => {
    provideStatementData({
      words: STATEMENT_MESSAGES,
      summary: { ...SUMMARY, violations: 0, status: 'compliant', nonAccessible: [] },
    });
    const host = await render('en');
    expect(host.querySelector('[data-testid="audit-status"]')?.textContent).toBe(
      'The latest automated audit (321 pages) found no failure of WCAG 2.1 A/AA.',
    );
    expect(host.querySelectorAll('[data-testid="non-accessible"] li')).toHaveLength(3);
  });

  it('reads the committed summary, which its schema accepts, with the words in every language', async () => {
    const data = await loadStatementData();
    expect(data.summary).not.toBeNull();
    expect(data.summary?.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(data.words).sort()).toEqual(['ca', 'en', 'es', 'eu', 'gl', 'va']);
    expect(statementData()).toBe(data);
    // The summary ships with the page (and in the installed app's precache): no test citizen in it.
    const shipped = JSON.stringify(data.summary);
    for (const name of ['María', 'García López', '12345678Z', 'Carmen', 'Lucía', 'Javier']) {
      expect(shipped).not.toContain(name);
    }
  });

  it('loads its words when opened from another page, saying so meanwhile', async () => {
    const host = await render('es');
    expect(host.querySelector('h1')?.textContent).toBe('Declaración de accesibilidad');
    await act(async () => {
      await loadStatementData();
    });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(host.textContent).toContain('20 días hábiles');
  });
});
