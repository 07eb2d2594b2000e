import * as client from 'openid-client';

export interface OidcSettings {
  /** The identity provider's issuer URL (discovery at /.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the citizen back: `${portal}/auth/callback`. */
  redirectUri: string;
  /** Where the provider sends the citizen after signing out: `${portal}/`. */
  postLogoutRedirectUri: string;
}

export interface OidcClient {
  settings: OidcSettings;
  /** The provider's configuration, discovered on first use and kept; retried after a failure. */
  configuration(): Promise<client.Configuration>;
}

/**
 * A confidential client (client_secret_basic) of the identity provider. Discovery is lazy: the
 * gateway starts even when the provider is not up yet, and sign-in says so until it is.
 */
export function createOidcClient(settings: OidcSettings): OidcClient {
  let pending: Promise<client.Configuration> | undefined;
  const insecure = new URL(settings.issuer).protocol === 'http:';
  return {
    settings,
    configuration() {
      if (!pending) {
        pending = client
          .discovery(
            new URL(settings.issuer),
            settings.clientId,
            { redirect_uris: [settings.redirectUri], response_types: ['code'] },
            client.ClientSecretBasic(settings.clientSecret),
            // A local simulated provider speaks plain HTTP on loopback; a real one is HTTPS only.
            { ...(insecure ? { execute: [client.allowInsecureRequests] } : {}), timeout: 5 },
          )
          .catch((error: unknown) => {
            pending = undefined;
            throw error;
          });
      }
      return pending;
    },
  };
}
