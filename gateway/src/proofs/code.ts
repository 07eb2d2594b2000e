import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so that a code read aloud or typed is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 160 random bits: 32 characters in 8 groups of 4. */
const BYTES = 20;
export const VERIFICATION_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){7}$/;

/**
 * A new secure verification code (CSV, "código seguro de verificación"): 160 random bits from the
 * operating system's CSPRNG, unguessable, written as "7K3M-…" (8 groups of 4).
 */
export function newVerificationCode(): string {
  const bytes = randomBytes(BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return (out.match(/.{4}/g) ?? []).join('-');
}

/**
 * A code as a person may type it (lower case, spaces, no dashes, O for 0, I or L for 1), in its
 * canonical form; null when it cannot be a code.
 */
export function normaliseVerificationCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== 32) return null;
  const code = (compact.match(/.{4}/g) ?? []).join('-');
  return VERIFICATION_CODE_PATTERN.test(code) ? code : null;
}
