export {
  checkName,
  checkOwner,
  checkRoute,
  type ConfigEntry,
  InvalidAnswer,
  type MfeAnswers,
  parseAudience,
  type RawAnswers,
  validateAnswers,
  type Workspace,
} from './options.ts';
export {
  findCarpetaRepository,
  readWorkspace,
  type ScaffoldOptions,
  type ScaffoldResult,
  type StandaloneOptions,
  scaffold,
  scaffoldStandalone,
} from './scaffold.ts';
