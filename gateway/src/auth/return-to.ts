/**
 * Where to send the citizen after signing in: only a path of the portal itself. Anything that could
 * leave the origin (`//host`, `/\host`, `https://…`, control characters, backslashes) is refused.
 */
export function safeReturnTo(value: unknown, portalOrigin: string): string | null {
  if (value === undefined || value === null || value === '') return '/';
  if (typeof value !== 'string' || value.length > 1000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, portalOrigin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(portalOrigin).origin) return null;
  // Never back into the sign-in machinery itself.
  if (url.pathname.startsWith('/auth/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
