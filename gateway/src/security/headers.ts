import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * The security headers every answer carries, as `@fastify/helmet` is configured, minus the
 * Content-Security-Policy (computed per request from the manifest). HSTS only when citizens reach
 * the portal over https; frames are refused both ways (X-Frame-Options DENY, frame-ancestors 'none').
 */
export function helmetOptions(
  portalOrigin: string,
  contentSecurityPolicy: FastifyHelmetOptions['contentSecurityPolicy'],
): FastifyHelmetOptions {
  return {
    contentSecurityPolicy,
    strictTransportSecurity: servesHttps(portalOrigin)
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    xFrameOptions: { action: 'deny' },
  };
}

export function servesHttps(portalOrigin: string): boolean {
  return portalOrigin.startsWith('https:');
}

/** A policy for answers that are never a page of the portal (errors written before routing). */
export const ERROR_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The same headers, for the few answers written outside Fastify's hooks (malformed requests,
 * oversized headers, timeouts): keep them equal to what helmetOptions produces.
 */
export function baselineHeaders(portalOrigin: string): Record<string, string> {
  return {
    'content-security-policy': ERROR_CSP,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(servesHttps(portalOrigin)
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };
}
