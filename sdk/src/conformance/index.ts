/**
 * The conformance kit: what every MFE must pass before it reaches citizens, as a library
 * (`runConformance`) and as the `carpeta-conformance` command. Node only (it drives Chromium with
 * playwright-core and runs axe-core: optional peer dependencies of the sdk).
 */
export type { Language } from '../languages.ts';
export type { RemoteErrorCode, RemoteErrorKey } from '../remote-errors.ts';
export type { ConformanceCycle, ConformanceOptions, ResolvedRemote } from './run.ts';
export type { ProbeSnapshot } from './probe.ts';
export {
  conformanceCycles,
  defaultHostDir,
  formatConformanceReport,
  resolveRemote,
  runConformance,
} from './run.ts';
export type {
  ConformanceCheck,
  ConformanceCheckId,
  ConformanceFailure,
  ConformanceHostApi,
  ConformanceLoadResult,
  ConformanceMountOptions,
  ConformanceReport,
  ConformanceResponse,
  ConformanceSingletons,
  ConformanceState,
  ConformanceTheme,
  ConformanceTranslations,
  ConformanceUnmountResult,
} from './types.ts';
