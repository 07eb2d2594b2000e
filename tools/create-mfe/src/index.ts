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
export { readWorkspace, type ScaffoldOptions, type ScaffoldResult, scaffold } from './scaffold.ts';
