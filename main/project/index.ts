// The project-file module's public face: what the projects service, the CLI and browser mode import.

export {
  PROJECT_FORMAT,
  PROJECT_VERSION,
  ProjectFileSchema,
  type ProjectFile,
  type ProjectDataset,
  type ParseOptions,
  type StoredRun,
  type StoredSearch,
  type StoredUiState,
} from './schema';
export { migrate } from './migrate';
export { ProjectFileError, type ProjectFileErrorCode } from './errors';
export { openProject, decodeDataset } from './open';
export { saveProject, encodeDataset, backupPath } from './save';
export { newProject, projectName, PROJECT_EXTENSION } from './new-project';
export {
  createAutosaver,
  findRecovery,
  openRecovery,
  discardRecovery,
  recoveryPath,
  type Autosaver,
  type AutosaverOptions,
  type RecoverySnapshot,
  type FoundRecovery,
} from './recovery';
export { createRecentList, type RecentList, type RecentProject } from './recent';
