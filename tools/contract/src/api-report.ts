import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { type ContractPackage, packageDir, readPackage, reportName, reportsApi } from './packages.ts';

export interface ReportOutcome {
  package: string;
  subpath: string;
  report: string;
  /** The committed report no longer matches the package's declarations. */
  changed: boolean;
  errors: string[];
}

/**
 * API Extractor over each published entry's declarations (run the build first). `update` writes
 * the reports (`pnpm api:report`); otherwise a report that differs from the committed one is a
 * failure, so a contract change is always a visible diff in a review.
 */
export function apiReports(
  name: ContractPackage,
  options: { update: boolean; docModelFolder?: string },
): ReportOutcome[] {
  const dir = packageDir(name);
  const pkg = readPackage(name);
  const reportFolder = join(dir, 'api');
  mkdirSync(reportFolder, { recursive: true });
  const temp = mkdtempSync(join(tmpdir(), 'carpeta-api-'));
  const outcomes: ReportOutcome[] = [];
  try {
    for (const [subpath, target] of Object.entries(pkg.publishConfig?.exports ?? {})) {
      if (!reportsApi(subpath, target)) continue;
      const report = reportName(subpath);
      const errors: string[] = [];
      const config = ExtractorConfig.prepare({
        configObjectFullPath: undefined,
        packageJsonFullPath: join(dir, 'package.json'),
        configObject: {
          projectFolder: dir,
          mainEntryPointFilePath: join(dir, target.types),
          compiler: {
            overrideTsconfig: {
              compilerOptions: {
                target: 'ES2023',
                lib: ['ES2023', 'DOM', 'DOM.Iterable'],
                module: 'ESNext',
                moduleResolution: 'Bundler',
                jsx: 'react-jsx',
                strict: true,
                skipLibCheck: true,
                types: [],
              },
              files: [join(dir, target.types)],
            },
          },
          apiReport: {
            enabled: true,
            reportFileName: report,
            reportFolder,
            reportTempFolder: temp,
          },
          // The doc model (`.api.json`) of each entry in its own folder, for API Documenter (api-docs.ts).
          docModel: options.docModelFolder
            ? { enabled: true, apiJsonFilePath: join(options.docModelFolder, report, `${name}.api.json`) }
            : { enabled: false },
          dtsRollup: { enabled: false },
          tsdocMetadata: { enabled: false },
          newlineKind: 'lf',
          messages: {
            // The reports are the contract's shape; release tags and TSDoc style are not checked.
            compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
            extractorMessageReporting: {
              default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
              'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
            },
            tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
          },
        },
      });
      const result = Extractor.invoke(config, {
        localBuild: options.update,
        showVerboseMessages: false,
        messageCallback: (message) => {
          if (message.logLevel === ExtractorLogLevel.Error)
            errors.push(message.formatMessageWithLocation(dir));
          message.handled = true;
        },
      });
      outcomes.push({
        package: pkg.name,
        subpath,
        report: join(reportFolder, `${report}.api.md`),
        changed: result.apiReportChanged && !options.update,
        errors: result.errorCount > 0 && errors.length === 0 ? [`${result.errorCount} errors`] : errors,
      });
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return outcomes;
}

/** A committed report, for tests. */
export function readReport(path: string): string {
  return readFileSync(path, 'utf8');
}
