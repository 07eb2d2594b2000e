import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Session } from '@carpeta/sdk';
import type { SessionRecord } from '../db/index.ts';
import { maskIdentifier } from './identity.ts';

export interface SessionSettings {
  /** Idle timeout: the session ends this long after the last request. */
  idleMs: number;
  /** Absolute lifetime, whatever the activity. */
  absoluteMs: number;
}

/** The cookie's name: `__Host-` (HTTPS only, no Domain, Path=/) when the portal is served over HTTPS. */
export function sessionCookieName(portalOrigin: string): string {
  return new URL(portalOrigin).protocol === 'https:' ? '__Host-carpeta_session' : 'carpeta_session';
}

/** A new opaque secret for the cookie; only its hash is stored. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The database id of a session: the SHA-256 of the cookie's secret (a stolen table opens nothing). */
export function sessionIdFor(secret: string): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return createHash('sha256').update(secret).digest('hex');
}

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

/** When a session ends unless it is used again: the earlier of its idle and absolute limits. */
export function sessionEndsAt(record: Pick<SessionRecord, 'idleExpiresAt' | 'absoluteExpiresAt'>): Date {
  return new Date(Math.min(record.idleExpiresAt.getTime(), record.absoluteExpiresAt.getTime()));
}

/** What the browser may know of a session record: no token, no full identifier. */
export function sessionView(record: SessionRecord): Session {
  const expiresAt = sessionEndsAt(record);
  const method = record.method as NonNullable<Session['citizen']>['method'];
  return {
    authenticated: true,
    citizen: {
      displayName: record.citizen.displayName,
      maskedId: maskIdentifier(record.citizen.nif),
      loa: record.loa,
      method,
      previousAccess: record.previousAccess
        ? {
            at: record.previousAccess.at,
            method: record.previousAccess.method as typeof method,
            loa: record.previousAccess.loa,
          }
        : null,
      actingFor: record.actingFor
        ? {
            displayName: record.actingFor.displayName,
            maskedId: maskIdentifier(record.actingFor.nif),
            kind: record.actingFor.kind,
            powerKind: record.actingFor.powerKind as 'general' | 'organisation' | 'procedures',
            validUntil: record.actingFor.validUntil,
          }
        : null,
      expiresAt: expiresAt.toISOString(),
      absoluteExpiresAt: record.absoluteExpiresAt.toISOString(),
    },
  };
}

export const ANONYMOUS_SESSION: Session = { authenticated: false, citizen: null };
