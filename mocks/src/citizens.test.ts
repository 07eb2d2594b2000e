import { describe, expect, it } from 'vitest';
import {
  findPerson,
  HOSTILE_NIF,
  isValidCif,
  isValidNifOrNie,
  MARIA_NIF,
  OTHER_PEOPLE,
  signInCitizens,
  TEST_CITIZENS,
  TEST_COMPANIES,
  TEST_ONLY_CITIZENS,
} from './citizens.ts';

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** The official check-letter rule, written out independently: number mod 23, NIE prefix X/Y/Z read as 0/1/2. */
function checkLetterFor(document: string): string {
  const digits = document.slice(0, 8).replace(/^X/, '0').replace(/^Y/, '1').replace(/^Z/, '2');
  return LETTERS.charAt(Number(digits) % 23);
}

const everyone = [...TEST_CITIZENS, ...TEST_ONLY_CITIZENS, ...OTHER_PEOPLE];

describe('test citizens', () => {
  it('have well-formed NIF/NIE with valid check letters and names', () => {
    expect(TEST_CITIZENS.length).toBeGreaterThanOrEqual(5);
    for (const citizen of everyone) {
      expect(citizen.nif).toMatch(citizen.documentType === 'NIE' ? /^[XYZ]\d{7}[A-Z]$/ : /^\d{8}[A-Z]$/);
      expect(citizen.nif.at(-1), citizen.nif).toBe(checkLetterFor(citizen.nif));
      expect(isValidNifOrNie(citizen.nif), citizen.nif).toBe(true);
      expect(citizen.givenName.trim()).not.toBe('');
      expect(citizen.surnames.trim()).not.toBe('');
      expect(citizen.displayName).toBe(`${citizen.givenName} ${citizen.surnames}`);
    }
  });

  it('are unique, start with the demo citizen and include a foreign national', () => {
    expect(new Set(everyone.map((citizen) => citizen.nif)).size).toBe(everyone.length);
    expect(TEST_CITIZENS[0]?.nif).toBe(MARIA_NIF);
    expect(TEST_CITIZENS.some((citizen) => citizen.documentType === 'NIE')).toBe(true);
  });

  it('keep the hostile test-only citizen out of the default list', () => {
    expect(TEST_CITIZENS.some((citizen) => citizen.testOnly)).toBe(false);
    expect(TEST_ONLY_CITIZENS.map((citizen) => citizen.nif)).toEqual([HOSTILE_NIF]);
    expect(signInCitizens().map((citizen) => citizen.nif)).not.toContain(HOSTILE_NIF);
    expect(signInCitizens({ includeTestOnly: true }).map((citizen) => citizen.nif)).toContain(HOSTILE_NIF);
    expect(findPerson(HOSTILE_NIF.toLowerCase())?.testOnly).toBe(true);
    expect(findPerson('00000000T')).toBeUndefined();
  });

  it('the check rules reject wrong letters and malformed documents', () => {
    expect(checkLetterFor('12345678A')).not.toBe('A');
    expect(isValidNifOrNie('12345678A')).toBe(false);
    expect(isValidNifOrNie('X1234567A')).toBe(false);
    expect(isValidNifOrNie('1234567Z')).toBe(false);
    expect(isValidNifOrNie('12345678z')).toBe(false);
  });
});

describe('test companies', () => {
  it('have valid CIF control characters', () => {
    expect(TEST_COMPANIES.length).toBeGreaterThanOrEqual(1);
    for (const company of TEST_COMPANIES) expect(isValidCif(company.cif), company.cif).toBe(true);
  });

  it('the CIF rule accepts published examples and rejects a wrong control', () => {
    expect(isValidCif('A58818501')).toBe(true);
    expect(isValidCif('A58818502')).toBe(false);
    expect(isValidCif('B85341270')).toBe(false);
    // Kinds written with a letter control: P (public body), Q, S, N, W, K.
    expect(isValidCif('P2807900B')).toBe(true);
    expect(isValidCif('P28079002')).toBe(false);
    expect(isValidCif('12345678Z')).toBe(false);
  });
});
