#!/usr/bin/env node
// `pnpm contract:build`, `pnpm api:report` (writes the reports), `pnpm api:check` (fails on a
// change), `pnpm contract:pack [dir]`: the contract as an outside repository gets it.
import { rmSync } from 'node:fs';
import { apiDocs, docModelFolder } from './api-docs.ts';
import { apiReports } from './api-report.ts';
import { buildPackage } from './build.ts';
import { packContract } from './pack.ts';
import { CONTRACT_PACKAGES } from './packages.ts';

const [command = 'build', ...rest] = process.argv.slice(2);

function build(): void {
  for (const name of CONTRACT_PACKAGES) {
    const started = performance.now();
    buildPackage(name);
    console.log(`built ${name}/dist in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

switch (command) {
  case 'build':
    build();
    break;
  case 'api': {
    const update = rest.includes('--update');
    if (!rest.includes('--no-build')) build();
    let docsChanged: string[] = [];
    const outcomes = CONTRACT_PACKAGES.flatMap((name) => {
      const models = docModelFolder(name);
      try {
        const reports = apiReports(name, { update, docModelFolder: models });
        docsChanged = [...docsChanged, ...apiDocs(name, models, { update })];
        return reports;
      } finally {
        rmSync(models, { recursive: true, force: true });
      }
    });
    let failed = docsChanged.length > 0;
    for (const folder of docsChanged)
      console.error(`${folder}: the generated reference differs. Run \`pnpm api:report\` to commit it.`);
    for (const outcome of outcomes) {
      for (const error of outcome.errors) console.error(`${outcome.package} ${outcome.subpath}: ${error}`);
      if (outcome.changed)
        console.error(
          `${outcome.package} "${outcome.subpath}": its API changed (${outcome.report}). Review it and run \`pnpm api:report\` to commit the change.`,
        );
      failed ||= outcome.changed || outcome.errors.length > 0;
    }
    console.log(
      `${outcomes.length} API reports and their reference in docs/contract ${update ? 'written' : failed ? 'checked, with differences' : 'checked: unchanged'}.`,
    );
    process.exitCode = failed ? 1 : 0;
    break;
  }
  case 'pack': {
    if (!rest.includes('--no-build')) build();
    const destination = rest.find((arg) => !arg.startsWith('--'));
    for (const tarball of packContract(destination)) console.log(tarball);
    break;
  }
  default:
    console.error(`Unknown command "${command}": build, api [--update], pack [dir]`);
    process.exitCode = 2;
}
