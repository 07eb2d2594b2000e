import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema.ts';
import { newVerificationCode, normaliseVerificationCode } from './code.ts';

/** A proof the portal issued: the exact document, its hash, and the code that finds it again. */
export interface IssuedProof {
  code: string;
  /** e.g. "notification-receipt" (and, later, "my-data"). */
  kind: string;
  subjectNif: string;
  /** What it is about, e.g. the notification's portal id. */
  reference: string;
  /** SHA-256 (hex) of `document`. */
  sha256: string;
  contentType: string;
  document: Uint8Array;
  issuedAt: Date;
}

/** What a verification code resolves to (enough to check a copy of the document). */
export interface ResolvedProof {
  kind: string;
  hash: string;
  issuedAt: Date;
}

/**
 * Makes a proof: draws a fresh verification code, renders the document with it, hashes the exact
 * bytes. Not stored yet (the caller stores it, with what it proves, in one transaction).
 */
export async function issueProof(input: {
  kind: string;
  subjectNif: string;
  reference: string;
  issuedAt: Date;
  contentType?: string;
  render: (code: string) => Promise<Uint8Array>;
}): Promise<IssuedProof> {
  const code = newVerificationCode();
  const document = await input.render(code);
  return {
    code,
    kind: input.kind,
    subjectNif: input.subjectNif,
    reference: input.reference,
    sha256: createHash('sha256').update(document).digest('hex'),
    contentType: input.contentType ?? 'application/pdf',
    document,
    issuedAt: input.issuedAt,
  };
}

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export interface ProofStore {
  save(proof: IssuedProof, trx?: Transaction<DatabaseSchema>): Promise<void>;
  /** The proof with this code, only if it is about `subjectNif` (a citizen downloads only theirs). */
  get(code: string, subjectNif: string): Promise<IssuedProof | null>;
  /** What a code (as typed) resolves to; null when no proof has it. */
  resolve(code: string): Promise<ResolvedProof | null>;
}

export function createProofStore(db: Kysely<DatabaseSchema>): ProofStore {
  return {
    async save(proof, trx) {
      const target: Db = trx ?? db;
      await target
        .insertInto('proofs')
        .values({
          code: proof.code,
          kind: proof.kind,
          subject_nif: proof.subjectNif,
          reference: proof.reference,
          sha256: proof.sha256,
          content_type: proof.contentType,
          document: proof.document,
          issued_at: proof.issuedAt,
        })
        .execute();
    },

    async get(code, subjectNif) {
      const row = await db
        .selectFrom('proofs')
        .selectAll()
        .where('code', '=', code)
        .where('subject_nif', '=', subjectNif)
        .executeTakeFirst();
      if (!row) return null;
      return {
        code: row.code,
        kind: row.kind,
        subjectNif: row.subject_nif,
        reference: row.reference,
        sha256: row.sha256,
        contentType: row.content_type,
        document: new Uint8Array(row.document),
        issuedAt: new Date(row.issued_at),
      };
    },

    resolve: (code) => resolveProof(db, code),
  };
}

/** Resolves a verification code to the proof's kind, the SHA-256 of its document and when it was issued. */
export async function resolveProof(db: Kysely<DatabaseSchema>, input: string): Promise<ResolvedProof | null> {
  const code = normaliseVerificationCode(input);
  if (!code) return null;
  const row = await db
    .selectFrom('proofs')
    .select(['kind', 'sha256', 'issued_at'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { kind: row.kind, hash: row.sha256, issuedAt: new Date(row.issued_at) } : null;
}
