/** A fictional person the simulated systems know. NIF/NIE check letters are valid. */
export interface TestCitizen {
  /** NIF (Spanish national) or NIE (foreign national), upper case, with its check letter. */
  nif: string;
  givenName: string;
  /** Both surnames for Spaniards ("García López"), the family name for foreigners. */
  surnames: string;
  /** `${givenName} ${surnames}` */
  displayName: string;
  documentType: 'NIF' | 'NIE';
  /**
   * Only for automated tests: holds hostile agency data (markup, RTL text, very long and invisible
   * characters). The identity provider lists it only when IDP_TEST_CITIZENS=true.
   */
  testOnly?: boolean;
  /**
   * Not a citizen: one of the portal's maintainers (the feedback and roadmap back office). The
   * identity provider releases it as the `carpeta_role` claim.
   */
  role?: 'maintainer';
}

/** A fictional legal person (company) other people act for. The CIF control character is valid. */
export interface TestCompany {
  /** CIF / NIF of a legal person: a letter, 7 digits and a control digit or letter. */
  cif: string;
  name: string;
}

/** The demo citizen. */
export const MARIA_NIF = '12345678Z';
/** A foreign national (NIE). */
export const JOHN_NIF = 'X1234567L';
export const LUCIA_NIF = '87654321X';
/** María's mother: grants María a general power of attorney, and can sign in herself. */
export const CARMEN_NIF = '23456781R';
/** Acts for a company (PANADERIA_CIF) through a power for specific tax procedures. */
export const JAVIER_NIF = '45678912S';
/** The test-only citizen holding every hostile string of the simulated agencies. */
export const HOSTILE_NIF = 'Y2345678Z';
/** Grants María a power that has expired; not a sign-in citizen. */
export const ANTONIO_NIF = '30214587Q';
/** The portal's test maintainer: reads feedback and updates the public roadmap. */
export const MAINTAINER_NIF = '34567890V';
/** A bakery, S.L. (CIF starting with B: control character is a digit). */
export const PANADERIA_CIF = 'B85341279';

function citizen(
  nif: string,
  givenName: string,
  surnames: string,
  documentType: 'NIF' | 'NIE',
  testOnly = false,
): TestCitizen {
  return {
    nif,
    givenName,
    surnames,
    displayName: `${givenName} ${surnames}`,
    documentType,
    ...(testOnly ? { testOnly } : {}),
  };
}

/**
 * The test citizens every mock knows, in a stable order: the first one is the portal's demo citizen.
 * Fictional people; any match with a real person is chance. The test-only citizen is NOT here (see
 * TEST_ONLY_CITIZENS): a newcomer never lands on hostile data.
 */
export const TEST_CITIZENS: readonly TestCitizen[] = [
  citizen(MARIA_NIF, 'María', 'García López', 'NIF'),
  citizen(JOHN_NIF, 'John', 'Smith', 'NIE'),
  citizen(LUCIA_NIF, 'Lucía', 'Fernández Ruiz', 'NIF'),
  citizen(JAVIER_NIF, 'Javier', 'Martín Gómez', 'NIF'),
  citizen(CARMEN_NIF, 'Carmen', 'López Sánchez', 'NIF'),
];

/** Staff of the portal who sign in to its back office (not citizens: no folder is made for them). */
export const MAINTAINERS: readonly TestCitizen[] = [
  { ...citizen(MAINTAINER_NIF, 'Marta', 'Ortega Ruiz', 'NIF'), role: 'maintainer' },
];

/** Citizens that exist only for automated tests (hostile data). */
export const TEST_ONLY_CITIZENS: readonly TestCitizen[] = [
  citizen(HOSTILE_NIF, 'Prueba', 'Datos Hostiles', 'NIE', true),
];

/** People who appear in agency records (e.g. as grantors of a power) but do not sign in. */
export const OTHER_PEOPLE: readonly TestCitizen[] = [citizen(ANTONIO_NIF, 'Antonio', 'García Pérez', 'NIF')];

export const TEST_COMPANIES: readonly TestCompany[] = [
  { cif: PANADERIA_CIF, name: 'Panadería La Espiga, S.L.' },
];

/** Every sign-in citizen, with the test-only ones when asked. */
export function signInCitizens(options: { includeTestOnly?: boolean } = {}): readonly TestCitizen[] {
  return options.includeTestOnly
    ? [...TEST_CITIZENS, ...TEST_ONLY_CITIZENS, ...MAINTAINERS]
    : [...TEST_CITIZENS, ...MAINTAINERS];
}

/** Any known person (sign-in, test-only or other) by NIF/NIE. */
export function findPerson(nif: string): TestCitizen | undefined {
  const wanted = nif.toUpperCase();
  return [...TEST_CITIZENS, ...MAINTAINERS, ...TEST_ONLY_CITIZENS, ...OTHER_PEOPLE].find(
    (person) => person.nif === wanted,
  );
}

const NIF_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** True when a NIF (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter) has its right check letter. */
export function isValidNifOrNie(value: string): boolean {
  const match = /^([XYZ]|\d)(\d{7})([A-Z])$/.exec(value);
  if (!match) return false;
  const [, first = '', rest = '', letter] = match;
  const lead = first === 'X' ? '0' : first === 'Y' ? '1' : first === 'Z' ? '2' : first;
  return NIF_LETTERS.charAt(Number(lead + rest) % 23) === letter;
}

/**
 * True when a CIF has its right control character: the sum of the digits in even places plus the
 * digit sums of the doubled digits in odd places gives the control digit (10 - sum mod 10) mod 10,
 * written as a digit (A, B, E, H…), a letter "JABCDEFGHI"[digit] (K, P, Q, S, N, W) or either.
 */
export function isValidCif(value: string): boolean {
  const match = /^([ABCDEFGHJKLMNPQRSUVW])(\d{7})([0-9A-J])$/.exec(value);
  if (!match) return false;
  const [, kind = '', digits = '', control = ''] = match;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[index]);
    if (index % 2 === 1) sum += digit;
    else sum += Math.floor((digit * 2) / 10) + ((digit * 2) % 10);
  }
  const expected = (10 - (sum % 10)) % 10;
  const asLetter = 'JABCDEFGHI'.charAt(expected);
  if ('KPQSNW'.includes(kind)) return control === asLetter;
  if ('ABEH'.includes(kind)) return control === String(expected);
  return control === String(expected) || control === asLetter;
}
