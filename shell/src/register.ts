import {
  type ApiError,
  type CarpetaProps,
  createApiClient,
  type ManifestEntry,
  ManifestError,
  parseManifest,
  type RejectedEntry,
  routeMatches,
} from '@carpeta/sdk';
import { z } from 'zod/mini';
import { navigateToUrl, registerApplication } from 'single-spa';
import type { ManifestState, ShellContext } from './context.ts';
import { createMfeHost, type HostOptions } from './mfe-host.tsx';
import { createTelemetry } from './telemetry.ts';

/** Fetches and validates the manifest; invalid entries are reported and skipped, never fatal. */
export async function fetchManifest(
  context: Pick<ShellContext, 'telemetry'>,
  fetchImpl: typeof fetch = fetch,
): Promise<ManifestState> {
  try {
    const response = await fetchImpl('/mfes.json', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new ManifestError(`The manifest answered ${response.status}`);
    const document: unknown = await response.json();
    const { entries, rejected } = parseManifest(document);
    for (const entry of rejected) {
      context.telemetry.error(new ManifestError(`Manifest entry skipped: ${entry.reason}`), {
        entry: entry.id ?? `#${entry.index}`,
        phase: 'manifest',
      });
    }
    // The gateway serves only the entries it validated and says why it left the others out.
    return { status: 'ready', entries, rejected: [...rejectedByGateway(document), ...rejected] };
  } catch (error) {
    context.telemetry.error(error, { phase: 'manifest' });
    return { status: 'failed' };
  }
}

/**
 * What the shell does when an MFE's call says the session changed under it: expired → sign in
 * again and come back here; the power of attorney ended → reload the session (the MFEs are mounted
 * again for the citizen's own folder, and the shell says why).
 */
export function onSessionError(error: ApiError, context: ShellContext): void {
  if (error.code === 'unauthenticated') {
    context.session.expire();
  } else if (error.code === 'representation-ended' || error.code === 'step-up-required') {
    void context.session.refresh();
  }
}

const gatewayRejectionSchema = z.object({
  index: z.int().check(z.minimum(0)),
  id: z.optional(z.string().check(z.maxLength(40))),
  reason: z.string().check(z.maxLength(2000)),
});

function rejectedByGateway(document: unknown): RejectedEntry[] {
  if (typeof document !== 'object' || document === null || !('rejected' in document)) return [];
  const list = document.rejected;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const parsed = gatewayRejectionSchema.safeParse(item);
    return parsed.success
      ? [{ index: parsed.data.index, id: parsed.data.id, reason: parsed.data.reason }]
      : [];
  });
}

/** Registers every valid entry with single-spa; each one is wrapped by a shell-owned host. */
export function registerEntries(entries: ManifestEntry[], context: ShellContext, options: HostOptions): void {
  for (const entry of entries) {
    const telemetry = createTelemetry(entry.id, { framework: entry.framework });
    let props: CarpetaProps | null = null;
    const makeProps = (domElement: HTMLElement): CarpetaProps => {
      // One props object per MFE for the life of the page (its element changes per mount).
      if (!props) {
        props = {
          mfeId: entry.id,
          basePath: entry.route,
          domElement,
          auth: context.session.auth,
          api: createApiClient({
            baseUrl: '/api',
            mfeId: entry.id,
            csrfToken: context.session.csrfToken,
            onError: (error) => onSessionError(error, context),
          }),
          navigate: (path) => navigateToUrl(path),
          i18n: context.language.bridge,
          events: context.events,
          telemetry,
        };
      }
      props.domElement = domElement;
      return props;
    };
    registerApplication({
      name: entry.id,
      app: async () => createMfeHost(entry, context, makeProps, options),
      activeWhen: (location) => routeMatches(entry.route, location.pathname),
    });
  }
}
