// The simulated identity provider (a Cl@ve stand-in), for tests and for main.ts.
export { ACR, METHODS, type Method, methodsFor } from './assurance.ts';
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type IdentityProvider,
  type IdentityProviderOptions,
  optionsFromEnv,
  SCOPE_CLAIMS,
  startIdentityProvider,
} from './provider.ts';
export { LANGUAGES, type Language, type LevelId, type MethodId } from './messages.ts';
