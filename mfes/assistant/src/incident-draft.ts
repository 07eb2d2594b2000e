import type { Session } from '@carpeta/sdk';
import {
  type AssistantReply,
  assistantReplySchema,
  type IncidentState,
  incidentStateSchema,
} from '@carpeta/sdk/assistant';

/*
 * A half-written incident survives a reload: the intake's state (the step and the answers so far,
 * what the citizen typed and already sees), Ada's last question and the ticket's Idempotency-Key
 * are kept in this tab's sessionStorage, for the person signed in. No identifier is stored: the
 * owner is a short fingerprint of the signed-in citizen as the page shows them.
 */

export const DRAFT_KEY = 'carpeta.assistant.incident';
/** The owner of a draft made signed out. */
export const ANONYMOUS = 'anonymous';

export interface IncidentDraftRecord {
  owner: string;
  incident: IncidentState;
  /** Ada's last message of the intake: the question the next answer is for (and its buttons). */
  question: AssistantReply | null;
  /** Set once "Log the incident" was pressed: a retry after a reload files the ticket once. */
  ticketKey?: string;
}

/** FNV-1a, 32 bits: tells two people apart in one tab; not a way back to who they are. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** Whose draft this page may show: the signed-in citizen (whoever they act for), or nobody's. */
export function draftOwner(session: Session): string {
  const citizen = session.authenticated ? session.citizen : null;
  return citizen ? `citizen:${fingerprint(`${citizen.maskedId}\u0000${citizen.displayName}`)}` : ANONYMOUS;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage disabled (privacy settings): the intake still works, it is just not kept.
    return null;
  }
}

function read(): IncidentDraftRecord | null {
  let raw: unknown;
  try {
    raw = JSON.parse(storage()?.getItem(DRAFT_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const incident = incidentStateSchema.safeParse(record.incident);
  const question = record.question === null ? null : assistantReplySchema.safeParse(record.question);
  if (typeof record.owner !== 'string' || !incident.success || (question && !question.success)) return null;
  const ticketKey =
    typeof record.ticketKey === 'string' && /^[A-Za-z0-9_-]{8,100}$/.test(record.ticketKey)
      ? record.ticketKey
      : undefined;
  return {
    owner: record.owner,
    incident: incident.data,
    question: question?.success ? question.data : null,
    ...(ticketKey ? { ticketKey } : {}),
  };
}

/**
 * The draft this owner may continue: their own, or one begun signed out in this tab (Ada asks to
 * sign in to file it). Another citizen's is removed; a citizen's is kept while the page is signed
 * out (the session may still be loading) but not shown.
 */
export function loadDraft(owner: string): IncidentDraftRecord | null {
  const stored = read();
  if (!stored) {
    clearDraft();
    return null;
  }
  if (stored.owner === owner || (stored.owner === ANONYMOUS && owner !== ANONYMOUS)) {
    return { ...stored, owner };
  }
  if (owner !== ANONYMOUS) clearDraft();
  return null;
}

export function saveDraft(record: IncidentDraftRecord): void {
  try {
    storage()?.setItem(DRAFT_KEY, JSON.stringify(record));
  } catch {
    // Full or disabled: nothing kept, nothing lost from the page.
  }
}

export function clearDraft(): void {
  try {
    storage()?.removeItem(DRAFT_KEY);
  } catch {
    // Disabled: there is nothing to clear.
  }
}
