/** A fictional person the simulated systems know. NIF/NIE check letters are valid. */
export interface TestCitizen {
  /** NIF (Spanish national) or NIE (foreign national), upper case, with its check letter. */
  nif: string;
  displayName: string;
  document: 'NIF' | 'NIE';
}

export const MARIA_NIF = '12345678Z';
export const JOHN_NIF = 'X1234567L';
export const LUCIA_NIF = '87654321X';

/**
 * The test citizens every mock knows, in a stable order: the first one is the portal's demo citizen
 * until login exists. Fictional people; any match with a real person is chance.
 */
export const TEST_CITIZENS: readonly TestCitizen[] = [
  { nif: MARIA_NIF, displayName: 'María García López', document: 'NIF' },
  { nif: JOHN_NIF, displayName: 'John Smith', document: 'NIE' },
  { nif: LUCIA_NIF, displayName: 'Lucía Fernández Ruiz', document: 'NIF' },
];
