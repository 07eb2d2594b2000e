import { type AuditSummary, auditSummarySchema } from '@carpeta/sdk/accessibility';
import type { AuditReport, Finding, PageResult } from './types.ts';

/** A finding's identity across runs: the page, the engine, the rule, the element. */
export function findingKey(
  page: Pick<PageResult, 'id'>,
  finding: Pick<Finding, 'engine' | 'rule' | 'selector'>,
) {
  return `${page.id} ¦ ${finding.engine} ¦ ${finding.rule} ¦ ${finding.selector}`;
}

export interface KeyedFinding {
  key: string;
  page: string;
  url: string;
  finding: Finding;
}

export interface Comparison {
  added: KeyedFinding[];
  fixed: KeyedFinding[];
  /** Pages of the old run this one did not visit (their findings are neither new nor fixed). */
  notVisited: string[];
}

function violationsOf(report: AuditReport): Map<string, KeyedFinding> {
  const map = new Map<string, KeyedFinding>();
  for (const page of report.pages) {
    if (page.error)
      map.set(`${page.id} ¦ page ¦ error`, {
        key: `${page.id} ¦ page ¦ error`,
        page: page.id,
        url: page.url,
        finding: pageErrorFinding(page),
      });
    for (const finding of page.findings) {
      if (finding.severity !== 'violation') continue;
      const key = findingKey(page, finding);
      map.set(key, { key, page: page.id, url: page.url, finding });
    }
  }
  return map;
}

/** What is new in `current` and what was fixed since `previous` (violations only). */
export function compareReports(previous: AuditReport, current: AuditReport): Comparison {
  const before = violationsOf(previous);
  const after = violationsOf(current);
  const visited = new Set(current.pages.map((page) => page.id));
  return {
    added: [...after.values()].filter((item) => !before.has(item.key)),
    fixed: [...before.values()].filter((item) => !after.has(item.key) && visited.has(item.page)),
    notVisited: previous.pages.map((page) => page.id).filter((id) => !visited.has(id)),
  };
}

function pageErrorFinding(page: PageResult): Finding {
  return {
    engine: 'axe',
    rule: 'page-not-audited',
    severity: 'violation',
    selector: 'html',
    html: '',
    message: page.error ?? '',
    help: 'The page did not load or a check failed on it: it could not be audited.',
    mfe: page.mfe,
  };
}

export interface Totals {
  pages: number;
  violations: number;
  review: number;
  errors: number;
}

export function totals(report: AuditReport): Totals {
  let violations = 0;
  let review = 0;
  let errors = 0;
  for (const page of report.pages) {
    if (page.error) errors += 1;
    for (const finding of page.findings) {
      if (finding.severity === 'violation') violations += 1;
      else review += 1;
    }
  }
  return { pages: report.pages.length, violations, review, errors };
}

/** Violations grouped by rule (engine and id), with the MFEs and pages where they occur. */
export function violationsByRule(report: AuditReport) {
  const rules = new Map<
    string,
    {
      engine: string;
      rule: string;
      help: string;
      helpUrl?: string;
      mfes: Set<string>;
      pages: Set<string>;
      count: number;
    }
  >();
  for (const page of report.pages)
    for (const finding of page.findings) {
      if (finding.severity !== 'violation') continue;
      const key = `${finding.engine}:${finding.rule}`;
      const entry = rules.get(key) ?? {
        engine: finding.engine,
        rule: finding.rule,
        help: finding.help,
        helpUrl: finding.helpUrl,
        mfes: new Set<string>(),
        pages: new Set<string>(),
        count: 0,
      };
      entry.mfes.add(finding.mfe);
      entry.pages.add(page.id);
      entry.count += 1;
      rules.set(key, entry);
    }
  return [...rules.values()].sort((a, b) => b.count - a.count);
}

export function summarise(report: AuditReport): AuditSummary {
  const total = totals(report);
  const nonAccessible: AuditSummary['nonAccessible'] = [];
  for (const rule of violationsByRule(report))
    for (const mfe of [...rule.mfes].sort())
      nonAccessible.push({
        engine: rule.engine,
        rule: rule.rule,
        mfe,
        owner: report.owners[mfe] ?? mfe,
        pages: [...rule.pages].length,
        help: rule.help.slice(0, 300),
      });
  // The shell's statement page reads it with the same schema.
  return auditSummarySchema.parse({
    reviewed: report.startedAt.slice(0, 10),
    tool: report.tool,
    pages: total.pages,
    durationSeconds: Math.round(report.durationMs / 1000),
    violations: total.violations + total.errors,
    toReview: total.review,
    status: total.violations + total.errors === 0 ? 'compliant' : 'partially-compliant',
    nonAccessible,
    matrix: report.matrix,
  } satisfies AuditSummary);
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );

function findingHtml(finding: Finding, owners: Record<string, string>): string {
  const owner = owners[finding.mfe] ?? finding.mfe;
  return `<li class="finding ${finding.severity}">
  <p><strong>${escapeHtml(finding.engine)} · ${escapeHtml(finding.rule)}</strong>${finding.impact ? ` <span class="impact">${escapeHtml(finding.impact)}</span>` : ''}
  — in <em>${escapeHtml(finding.mfe)}</em> (${escapeHtml(owner)})</p>
  <p class="message">${escapeHtml(finding.message)}</p>
  <p><code>${escapeHtml(finding.selector)}</code></p>
  ${finding.html ? `<pre>${escapeHtml(finding.html)}</pre>` : ''}
  ${finding.help && finding.help !== finding.message ? `<p class="help">${escapeHtml(finding.help)}</p>` : ''}
  ${finding.helpUrl ? `<p><a href="${escapeHtml(finding.helpUrl)}">About this rule</a></p>` : ''}
  ${finding.screenshot ? `<img alt="The element, outlined in magenta" src="data:image/png;base64,${finding.screenshot}">` : ''}
</li>`;
}

function pageHtml(page: PageResult, owners: Record<string, string>): string {
  const violations = page.findings.filter((finding) => finding.severity === 'violation');
  const review = page.findings.filter((finding) => finding.severity === 'review');
  const reviewByRule = new Map<string, { message: string; count: number }>();
  for (const finding of review) {
    const entry = reviewByRule.get(finding.rule) ?? { message: finding.message, count: 0 };
    entry.count += 1;
    reviewByRule.set(finding.rule, entry);
  }
  return `<section class="page${violations.length > 0 || page.error ? ' failing' : ''}">
<h4>${escapeHtml(page.id)}</h4>
<p><a href="${escapeHtml(page.url)}">${escapeHtml(page.url)}</a> · ${escapeHtml(page.visitor)} · ${escapeHtml(page.language)} · ${escapeHtml(page.theme)} · ${page.width} px${page.state ? ` · state: ${escapeHtml(page.state)}` : ''} · ${violations.length} violation(s) · ${review.length} to review · ${(page.durationMs / 1000).toFixed(1)} s</p>
${page.error ? `<p class="error">Not audited: ${escapeHtml(page.error)}</p>` : ''}
${violations.length > 0 ? `<ol>${violations.map((finding) => findingHtml(finding, owners)).join('\n')}</ol>` : ''}
${
  reviewByRule.size > 0
    ? `<details><summary>To review (HTML_CodeSniffer warnings and notices): ${review.length}</summary><ul>${[
        ...reviewByRule,
      ]
        .map(
          ([rule, entry]) =>
            `<li><code>${escapeHtml(rule)}</code> ×${entry.count}: ${escapeHtml(entry.message.slice(0, 300))}</li>`,
        )
        .join('')}</ul></details>`
    : ''
}
${page.tabOrder && page.tabOrder.length > 0 ? `<details><summary>Tab order (${page.tabOrder.length} stops)</summary><ol>${page.tabOrder.map((stop) => `<li>${escapeHtml(stop)}</li>`).join('')}</ol></details>` : ''}
</section>`;
}

function comparisonHtml(comparison: Comparison): string {
  const list = (items: KeyedFinding[]) =>
    items.length === 0
      ? '<p>None.</p>'
      : `<ul>${items
          .map(
            (item) =>
              `<li><code>${escapeHtml(item.page)}</code>: ${escapeHtml(item.finding.engine)} · ${escapeHtml(item.finding.rule)} at <code>${escapeHtml(item.finding.selector)}</code></li>`,
          )
          .join('')}</ul>`;
  return `<section id="comparison"><h2>Compared with the previous run</h2>
<h3>New (${comparison.added.length})</h3>${list(comparison.added)}
<h3>Fixed (${comparison.fixed.length})</h3>${list(comparison.fixed)}
${comparison.notVisited.length > 0 ? `<p>${comparison.notVisited.length} page(s) of the previous run were not visited this time.</p>` : ''}
</section>`;
}

/** One self-contained HTML file: styles inline, screenshots embedded as data URLs, no script. */
export function renderHtml(report: AuditReport, comparison?: Comparison): string {
  const total = totals(report);
  const byMfe = new Map<string, PageResult[]>();
  for (const page of report.pages) byMfe.set(page.mfe, [...(byMfe.get(page.mfe) ?? []), page]);
  const findingsIn = (mfe: string) =>
    report.pages.flatMap((page) =>
      page.findings.filter((finding) => finding.severity === 'violation' && finding.mfe === mfe),
    );
  const mfes = [
    ...new Set([...byMfe.keys(), ...report.pages.flatMap((page) => page.findings.map((f) => f.mfe))]),
  ].sort();
  const rules = violationsByRule(report);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Carpeta accessibility audit — ${escapeHtml(report.startedAt)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem; color: #1b1b1b; background: #fff; }
a { color: #0b4fa8; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
.failing h4 { color: #a4000f; }
.finding { margin-bottom: 1rem; border-left: 4px solid #a4000f; padding-left: .5rem; }
.impact { background: #fde7e9; color: #6b0009; padding: 0 .25rem; }
pre { white-space: pre-wrap; word-break: break-all; background: #f3f3f3; padding: .5rem; }
img { max-width: 100%; border: 1px solid #999; }
.error { color: #a4000f; font-weight: bold; }
:focus-visible { outline: 3px solid #0b4fa8; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>Accessibility audit of Carpeta</h1>
<p>${escapeHtml(report.startedAt)} · ${escapeHtml(report.portal)} · ${total.pages} pages in ${(report.durationMs / 1000).toFixed(0)} s ·
<strong>${total.violations} violation(s)</strong>, ${total.errors} page(s) not audited, ${total.review} item(s) to review.</p>
<p>Engines: axe-core (WCAG 2.1 A/AA and best practices) and HTML_CodeSniffer (WCAG2AA; its errors are violations, its warnings and notices are to review); the audit's own checks: keyboard walk, reflow at 320 px, text spacing (WCAG 1.4.12), reduced motion, forced colours.</p>
<h2>Pages visited</h2>
<ul>${report.matrix.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
${comparison ? comparisonHtml(comparison) : ''}
<h2>By micro-frontend</h2>
<table><thead><tr><th scope="col">MFE</th><th scope="col">Owner</th><th scope="col">Pages</th><th scope="col">Violations in its area</th></tr></thead><tbody>
${mfes.map((mfe) => `<tr><td><a href="#mfe-${escapeHtml(mfe)}">${escapeHtml(mfe)}</a></td><td>${escapeHtml(report.owners[mfe] ?? mfe)}</td><td>${byMfe.get(mfe)?.length ?? 0}</td><td>${findingsIn(mfe).length}</td></tr>`).join('\n')}
</tbody></table>
<h2>By rule</h2>
${rules.length === 0 ? '<p>No violation.</p>' : `<table><thead><tr><th scope="col">Rule</th><th scope="col">Occurrences</th><th scope="col">Pages</th><th scope="col">MFEs</th></tr></thead><tbody>${rules.map((rule) => `<tr><td>${escapeHtml(rule.engine)} · ${escapeHtml(rule.rule)}</td><td>${rule.count}</td><td>${rule.pages.size}</td><td>${escapeHtml([...rule.mfes].join(', '))}</td></tr>`).join('\n')}</tbody></table>`}
${mfes
  .map(
    (
      mfe,
    ) => `<section id="mfe-${escapeHtml(mfe)}"><h2>${escapeHtml(mfe)} — ${escapeHtml(report.owners[mfe] ?? mfe)}</h2>
${(byMfe.get(mfe) ?? []).map((page) => pageHtml(page, report.owners)).join('\n') || '<p>No page of its own (its findings are listed on the pages above).</p>'}
</section>`,
  )
  .join('\n')}
</main>
</body>
</html>
`;
}
