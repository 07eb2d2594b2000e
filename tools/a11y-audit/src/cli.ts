#!/usr/bin/env node
// pnpm a11y:audit [--url http://127.0.0.1:4000] [--port-base 7000] [--out dir] [--compare old.json]
//                 [--write-summary file] [--concurrency 3] [--languages es,en] [--visitors anonymous,maria]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isLanguage, type Language } from '@carpeta/sdk';
import { runAudit } from './audit.ts';
import { dehuFor, ROOT, type RunningPortal, startPortal } from './portal.ts';
import { compareReports, renderHtml, summarise, totals, violationsByRule } from './report.ts';
import type { AuditReport } from './types.ts';

const USAGE = `usage: pnpm a11y:audit [options]
  --url <origin>          audit a running portal instead of starting one
  --port-base <n>         port base of the portal it starts (default CARPETA_A11Y_PORT_BASE or 7000)
  --out <dir>             where report.html and report.json go (default .carpeta/a11y)
  --compare <old.json>    show what is new and what is fixed since a previous report
  --write-summary <file>  write the accessibility statement's summary (docs/accessibility/audit-summary.json)
  --concurrency <n>       pages audited at once (default 3)
  --languages <list>      portal languages (default all six)
  --visitors <list>       only these visitors (anonymous, maria, john, lucia, javier, carmen, marta, hostile, maria→carmen)
  --no-states             leave out the MFEs' key states
  --states-only           only the MFEs' key states`;

function fail(message: string): never {
  process.stderr.write(`a11y-audit: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let args: ReturnType<typeof read>;
function read() {
  return parseArgs({
    options: {
      url: { type: 'string' },
      'port-base': { type: 'string', default: process.env.CARPETA_A11Y_PORT_BASE ?? '7000' },
      out: { type: 'string', default: join(ROOT, '.carpeta', 'a11y') },
      compare: { type: 'string' },
      'write-summary': { type: 'string' },
      concurrency: { type: 'string', default: '3' },
      languages: { type: 'string' },
      visitors: { type: 'string' },
      'no-states': { type: 'boolean', default: false },
      'states-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
}
try {
  args = read();
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const languages = args.languages?.split(',').map((language) => language.trim());
if (languages?.some((language) => !isLanguage(language))) fail(`unknown language in ${args.languages}`);
const previous = args.compare
  ? (JSON.parse(readFileSync(resolve(args.compare), 'utf8')) as AuditReport)
  : undefined;

const log = (line: string) => process.stdout.write(`${line}\n`);
let portal: RunningPortal | undefined;
let report: AuditReport;
try {
  portal = args.url
    ? { url: args.url.replace(/\/$/, ''), dehu: dehuFor(args.url), stop: async () => undefined }
    : await startPortal(Number(args['port-base']), log);
  report = await runAudit({
    portal: portal.url,
    dehu: portal.dehu,
    concurrency: Number(args.concurrency),
    languages: languages as Language[] | undefined,
    only: args.visitors?.split(',').map((name) => name.trim()),
    noStates: args['no-states'],
    statesOnly: args['states-only'],
    log,
  });
} finally {
  await portal?.stop();
}

const out = resolve(args.out);
mkdirSync(out, { recursive: true });
const comparison = previous ? compareReports(previous, report) : undefined;
writeFileSync(join(out, 'report.json'), `${JSON.stringify(report)}\n`);
writeFileSync(join(out, 'report.html'), renderHtml(report, comparison));
if (args['write-summary']) {
  const file = resolve(args['write-summary']);
  writeFileSync(file, `${JSON.stringify(summarise(report), null, 2)}\n`);
  log(`Summary for the accessibility statement: ${file}`);
}

const total = totals(report);
log(
  `\n${total.pages} pages in ${(report.durationMs / 1000).toFixed(0)} s: ${total.violations} violation(s), ${total.errors} page(s) not audited, ${total.review} item(s) to review.`,
);
for (const rule of violationsByRule(report))
  log(
    `  ${rule.engine} · ${rule.rule}: ${rule.count} on ${rule.pages.size} page(s) in ${[...rule.mfes].join(', ')}`,
  );
for (const page of report.pages.filter((item) => item.error)) log(`  not audited: ${page.id}: ${page.error}`);
if (comparison)
  log(`Compared with ${args.compare}: ${comparison.added.length} new, ${comparison.fixed.length} fixed.`);
log(`Report: ${join(out, 'report.html')} (and report.json)`);
process.exit(total.violations + total.errors > 0 ? 1 : 0);
