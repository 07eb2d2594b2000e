/**
 * The portal's Content-Security-Policy: the gateway's own origin plus the origins of the MFEs the
 * manifest currently names (their scripts, styles, images, fonts and data), nothing else.
 */
const DIRECTIVES = {
  'default-src': () => ["'self'"],
  'script-src': (origins) => ["'self'", ...origins],
  'style-src': (origins) => ["'self'", "'unsafe-inline'", ...origins],
  'img-src': (origins) => ["'self'", 'data:', ...origins],
  'font-src': (origins) => ["'self'", ...origins],
  'connect-src': (origins) => ["'self'", ...origins],
  'frame-ancestors': () => ["'none'"],
  'base-uri': () => ["'self'"],
  'object-src': () => ["'none'"],
  'form-action': () => ["'self'"],
} satisfies Record<string, (origins: readonly string[]) => string[]>;

export type CspDirective = keyof typeof DIRECTIVES;
export const CSP_DIRECTIVES = Object.keys(DIRECTIVES) as CspDirective[];

/** Only plain http(s) origins ever reach the header (no spaces, quotes, semicolons or commas). */
const ORIGIN = /^https?:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

export function safeOrigins(origins: readonly string[]): string[] {
  return [...new Set(origins.filter((origin) => ORIGIN.test(origin)))];
}

/** The value of one directive for the given MFE origins. */
export function cspValue(directive: CspDirective, origins: readonly string[]): string {
  return DIRECTIVES[directive](safeOrigins(origins)).join(' ');
}

/** The whole policy, as one header value. */
export function contentSecurityPolicy(origins: readonly string[]): string {
  return CSP_DIRECTIVES.map((directive) => `${directive} ${cspValue(directive, origins)}`).join('; ');
}
