import { describe, expect, it } from 'vitest';
import { TEST_CITIZENS } from './citizens.ts';

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** The official check-letter rule: number mod 23, NIE prefix X/Y/Z read as 0/1/2. */
function checkLetterFor(document: string): string {
  const digits = document.slice(0, 8).replace(/^X/, '0').replace(/^Y/, '1').replace(/^Z/, '2');
  return LETTERS.charAt(Number(digits) % 23);
}

describe('TEST_CITIZENS', () => {
  it('have well-formed NIF/NIE with valid check letters', () => {
    expect(TEST_CITIZENS.length).toBeGreaterThanOrEqual(3);
    for (const citizen of TEST_CITIZENS) {
      expect(citizen.nif).toMatch(citizen.document === 'NIE' ? /^[XYZ]\d{7}[A-Z]$/ : /^\d{8}[A-Z]$/);
      expect(citizen.nif.at(-1), citizen.nif).toBe(checkLetterFor(citizen.nif));
      expect(citizen.displayName.trim()).not.toBe('');
    }
  });

  it('are unique and include a foreign national', () => {
    expect(new Set(TEST_CITIZENS.map((citizen) => citizen.nif)).size).toBe(TEST_CITIZENS.length);
    expect(TEST_CITIZENS.some((citizen) => citizen.document === 'NIE')).toBe(true);
  });

  it('the check rule itself rejects a wrong letter', () => {
    expect(checkLetterFor('12345678A')).not.toBe('A');
  });
});
