import { describe, expect, it } from 'vitest';
import { compareReports, renderHtml, summarise } from './report.ts';
import type { AuditReport, Finding, PageResult } from './types.ts';

const finding = (rule: string, selector: string, mfe = 'notifications'): Finding => ({
  engine: 'axe',
  rule,
  severity: 'violation',
  impact: 'serious',
  selector,
  html: `<p class="x">"<script>"</p>`,
  message: 'Fix it',
  help: 'Explained',
  mfe,
});

const page = (id: string, findings: Finding[], extra: Partial<PageResult> = {}): PageResult => ({
  id,
  path: '/notifications',
  visitor: 'maria',
  language: 'es',
  theme: 'light',
  width: 1280,
  checks: {},
  url: 'http://127.0.0.1:7000/notifications',
  mfe: 'notifications',
  findings,
  durationMs: 1000,
  ...extra,
});

const report = (pages: PageResult[]): AuditReport => ({
  tool: '@carpeta/a11y-audit',
  startedAt: '2026-12-05T22:00:00.000Z',
  durationMs: 60_000,
  portal: 'http://127.0.0.1:7000',
  matrix: ['every route'],
  owners: { shell: 'Carpeta', notifications: 'Dirección Electrónica Habilitada única' },
  pages,
});

describe('reports', () => {
  const before = report([
    page('a', [finding('color-contrast', 'p.one'), finding('label', 'input')]),
    page('gone', [finding('label', 'input')]),
  ]);
  const after = report([page('a', [finding('color-contrast', 'p.one'), finding('region', 'div')])]);

  it('says what is new and what was fixed, by page, rule and element', () => {
    const comparison = compareReports(before, after);
    expect(comparison.added.map((item) => item.key)).toEqual(['a ¦ axe ¦ region ¦ div']);
    expect(comparison.fixed.map((item) => item.key)).toEqual(['a ¦ axe ¦ label ¦ input']);
    expect(comparison.notVisited).toEqual(['gone']);
  });

  it('summarises for the statement: status, failing rules with their owner, date, pages', () => {
    const summary = summarise(after);
    expect(summary).toMatchObject({
      reviewed: '2026-12-05',
      pages: 1,
      violations: 2,
      status: 'partially-compliant',
    });
    expect(summary.nonAccessible.map((item) => [item.rule, item.owner])).toEqual([
      ['color-contrast', 'Dirección Electrónica Habilitada única'],
      ['region', 'Dirección Electrónica Habilitada única'],
    ]);
    expect(summarise(report([page('a', [])])).status).toBe('compliant');
    // A page that could not be audited is not compliant.
    expect(summarise(report([page('a', [], { error: 'timeout' })])).status).toBe('partially-compliant');
  });

  it('writes one HTML file with the page’s text escaped and the comparison', () => {
    const html = renderHtml(after, compareReports(before, after));
    expect(html).toContain('&lt;p class=&quot;x&quot;&gt;&quot;&lt;script&gt;&quot;&lt;/p&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Dirección Electrónica Habilitada única');
    expect(html).toMatch(/<h3>New \(1\)<\/h3>/);
    expect(html).toMatch(/<h3>Fixed \(1\)<\/h3>/);
  });
});
