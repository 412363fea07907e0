// Everything the rest of the app uses from the data side: reading a CSV, describing columns, preparing matrices.

export { parseCsv } from './read-csv';
export type { ParseOptions } from './read-csv';
export { cellText, cellValue, fileRow, findColumn, formatNumber } from './dataset';
export type { Column, Dataset, NonNumericEntries } from './dataset';
export { DataError, dataError } from './errors';
export type { DataErrorCode, DataErrorInfo } from './errors';
export { MISSING_MARKERS, isMissingText, parseNumberText } from './cells';
export { profileDataset } from './profile';
export type { ColumnKind, ColumnProfile, ColumnWarning, HistogramBin, WarningCode } from './profile';
export { labelKey, labelTask, labelTaskIfAny, sortClasses, suggestRoles } from './roles';
export type { LabelTask, Roles } from './roles';
export { crossValidationSplits, kFoldIndices, splitRows } from './split';
export type { RowSplit } from './split';
export { buildMatrices, fitPreparation } from './prepare';
export type { Matrices, Prepared } from './prepare';
export { suggestModel } from './suggest-model';
export type { ModelSuggestion } from './suggest-model';
export { modelFor, startingPlanFor } from './starting-plan';
export type { StartingPlanOptions } from './starting-plan';
