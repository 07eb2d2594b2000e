import { optionsFromEnv, startIdentityProvider } from './provider.ts';

// The simulated identity provider as its own process (npm start, pnpm dev): PORT_IDP, IDP_URL,
// PORTAL_ORIGIN, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, IDP_TEST_CITIZENS, IDP_COOKIE_KEYS, IDP_JWKS.
let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
try {
  idp = await startIdentityProvider(optionsFromEnv());
} catch (error) {
  process.stderr.write(`identity provider failed to start: ${(error as Error).message}\n`);
  process.exit(1);
}
process.stdout.write(`identity provider listening on ${idp.url} (issuer ${idp.issuer})\n`);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  idp.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
