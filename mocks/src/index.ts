// Browser-safe entry (Storybook, unit tests): citizens, agency handlers, fault control.
// The HTTP server lives in "@carpeta/mocks/server" (Node only).
export { JOHN_NIF, LUCIA_NIF, MARIA_NIF, TEST_CITIZENS, type TestCitizen } from './citizens.ts';
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
export { formatMadridDateTime, MADRID_TIME_ZONE } from './madrid-time.ts';
