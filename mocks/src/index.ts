// Browser-safe entry (Storybook, unit tests): citizens, agency handlers, fault control.
// The HTTP server lives in "@carpeta/mocks/server" (Node only).
export {
  ANTONIO_NIF,
  CARMEN_NIF,
  findPerson,
  HOSTILE_NIF,
  isValidCif,
  isValidNifOrNie,
  JAVIER_NIF,
  JOHN_NIF,
  LUCIA_NIF,
  MARIA_NIF,
  OTHER_PEOPLE,
  PANADERIA_CIF,
  signInCitizens,
  TEST_CITIZENS,
  TEST_COMPANIES,
  TEST_ONLY_CITIZENS,
  type TestCitizen,
  type TestCompany,
} from './citizens.ts';
export {
  createFaultController,
  DEFAULT_SLOW_DELAY_MS,
  FAULT_MODES,
  type FaultController,
  type FaultInput,
  type FaultMode,
  type FaultState,
  faultControlHandlers,
  GARBAGE_KINDS,
  type GarbageKind,
} from './faults.ts';
export { DEHU_API_PATH, type DehuHandlerOptions, dehuHandlers } from './agencies/dehu.ts';
export { REA_API_PATH, REA_IDS, type ReaHandlerOptions, reaHandlers } from './agencies/rea.ts';
export { formatMadridDate, formatMadridDateTime, MADRID_TIME_ZONE } from './madrid-time.ts';
