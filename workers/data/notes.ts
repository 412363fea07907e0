// Notes: what the importer and the label's reading did on their own that the person should know (a column renamed,
// rows left out, a label that cannot be learnt as it is), each with what to do on the command line and in the app.
// They are worded here once; the CLI prints `message cli`, the Data screen shows `message app`.

import type { Dataset, RenamedColumn } from './dataset';
import { fileRow } from './dataset';

export type DataNoteCode =
  | 'renamed_column'
  | 'skipped_rows'
  | 'no_inputs'
  | 'column_left_out'
  | 'missing_labels'
  | 'label_like_id'
  | 'label_like_number'
  | 'label_few_numbers'
  | 'regression_chosen';

/** A one-click answer the app offers beside the note: what it does, and its button's words. */
export interface DataNoteAction {
  do: 'predict_as_number' | 'predict_as_classes';
  button: string;
}

const PREDICT_AS_NUMBER: DataNoteAction = { do: 'predict_as_number', button: 'Predict it as a number' };
const PREDICT_AS_CLASSES: DataNoteAction = { do: 'predict_as_classes', button: 'Predict classes instead' };

export interface DataNote {
  code: DataNoteCode;
  /** what happened, to which column or rows */
  message: string;
  /** what to do about it with the command line's options */
  cli: string;
  /** what to do about it in the app: where to click */
  app: string;
  column?: string;
  action?: DataNoteAction;
  /** the model will learn little or nothing as things are: said again where training starts */
  warning?: true;
}

/** How many file rows a note lists before "...". */
const LISTED_ROWS = 5;
const PICK_LABEL_CLI = 'Predict another column with --label.';
const PICK_LABEL_APP = 'Choose another column under "What should the model predict?".';

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function listRows(rows: number[], total: number): string {
  return `${rows.join(', ')}${total > rows.length ? ', ...' : ''}`;
}

/** A reason written as a sentence ("It holds free text.") made into a clause ("it holds free text"). */
function clause(reason: string): string {
  return reason.replace(/^It /, 'it ').replace(/\.$/, '');
}

// ---- on import -----------------------------------------------------------------------------------------------

/** A header cell left empty or repeating an earlier one: the name the column got instead. */

export function renamedColumnNote(fileName: string, renamed: RenamedColumn): DataNote {
  const position = renamed.index + 1;
  const message =
    renamed.sameAs === undefined
      ? `Column ${position} of ${fileName} has no name in the header row, so it is called "${renamed.name}" here.`
      : `Column ${position} of ${fileName} is named "${renamed.header}" in the header row, like column ${renamed.sameAs + 1}, so it is called "${renamed.name}" here.`;
  return {
    code: 'renamed_column',
    message,
    cli: 'Use that name with --features or --label, or give the column its own name in the file.',
    app: 'Its card below uses that name; to change it, give the column its own name in the file and import it again.',
    column: renamed.name,
  };
}

export function skippedRowsNote(dataset: Dataset): DataNote | null {
  const skipped = dataset.skippedRows;
  if (!skipped || skipped.count === 0) return null;
  const like = dataset.hasHeader ? 'the header' : 'the first row';
  return {
    code: 'skipped_rows',
    message:
      `${plural(skipped.count, 'row', 'rows')} of ${dataset.fileName} ${skipped.count === 1 ? 'was' : 'were'} left out because ` +
      `${skipped.count === 1 ? 'it does' : 'they do'} not have ${dataset.columns.length} values like ${like}: file ` +
      `${skipped.rows.length === 1 ? 'row' : 'rows'} ${listRows(skipped.rows, skipped.count)}.`,
    cli: 'Fix those rows in the file to use them.',
    app: 'Fix those rows in the file and import it again to use them.',
  };
}

/** Every note the import itself makes: renamed columns, skipped rows. */
export function importNotes(dataset: Dataset): DataNote[] {
  const notes = (dataset.renamedColumns ?? []).map((r) => renamedColumnNote(dataset.fileName, r));
  const skipped = skippedRowsNote(dataset);
  if (skipped) notes.push(skipped);
  return notes;
}

// ---- columns left out ----------------------------------------------------------------------------------------

export interface LeftOut {
  name: string;
  reason: string;
}

/** One column that was left out of the inputs on its own (record number, free text, one value). */
export function columnLeftOutNote(fileName: string, column: LeftOut): DataNote {
  return {
    code: 'column_left_out',
    message: `Column "${column.name}" of ${fileName} is not used as an input: ${clause(column.reason)}.`,
    cli: 'To use it anyway, name it in --features.',
    app: 'To use it anyway, set its role to Feature on its card.',
    column: column.name,
  };
}

/** Every column besides the label was left out on its own: which, why, and how to use them anyway. */
export function noInputsNote(fileName: string, label: string, leftOut: LeftOut[]): DataNote {
  const reasons = leftOut.map((c) => `"${c.name}": ${clause(c.reason)}`).join('; ');
  const names = leftOut.map((c) => c.name);
  const example = names.slice(0, 3).join(',');
  return {
    code: 'no_inputs',
    message:
      leftOut.length === 0
        ? `${fileName} has no column besides the label ${label}, so there is nothing to learn from.`
        : `No column of ${fileName} besides the label ${label} can be used as an input on its own. ${reasons}.`,
    cli: leftOut.length === 0 ? 'Use a file with more columns.' : `To use ${names.length === 1 ? 'it' : 'some'} anyway, name ${names.length === 1 ? 'it' : 'them'} with --features, e.g. --features ${example}.`,
    app: leftOut.length === 0 ? 'Import a file with more columns.' : 'To use one anyway, set its role to Feature on its card below.',
  };
}

// ---- the label -----------------------------------------------------------------------------------------------

export function missingLabelsNote(dataset: Dataset, label: string, missing: number, firstRows: number[]): DataNote {
  const rows = firstRows.slice(0, LISTED_ROWS).map((row) => fileRow(dataset, row));
  return {
    code: 'missing_labels',
    message:
      `${plural(missing, 'row', 'rows')} of the ${dataset.rowCount.toLocaleString('en-US')} in ${dataset.fileName} ` +
      `${missing === 1 ? 'has' : 'have'} no value in the label ${label} (file ${rows.length === 1 ? 'row' : 'rows'} ` +
      `${listRows(rows, missing)}), so ${missing === 1 ? 'it is' : 'they are'} left out of training and testing.`,
    cli: `Fill in ${label} in those rows to use them, or predict another column with --label.`,
    app: `Fill in ${label} in those rows of the file and import it again to use them, or choose another column under "What should the model predict?".`,
    column: label,
  };
}

function examples(values: string[]): string {
  return values.slice(0, 3).map((v) => `"${v}"`).join(', ');
}

/** A different class on (almost) every row: a record number or code, not something to predict. */
export function labelLikeIdNote(fileName: string, label: string, classes: string[], rows: number, numeric: boolean): DataNote {
  const values = `${plural(classes.length, 'value', 'values')} in ${plural(rows, 'row', 'rows')}`;
  return {
    code: 'label_like_id',
    warning: true,
    message: numeric
      ? `The label ${label} of ${fileName} looks like a record number: a different whole number on every row (${values}). ` +
        'A model cannot learn to predict it from the other columns.'
      : `The label ${label} of ${fileName} looks like an identifier: a different value on almost every row (${values}, ` +
        `such as ${examples(classes)}). A classifier would have to tell ${plural(classes.length, 'class', 'classes')} apart ` +
        `from about ${Math.max(1, Math.round(rows / classes.length))} example${Math.round(rows / classes.length) > 1 ? 's' : ''} each, so it cannot learn it.`,
    cli: PICK_LABEL_CLI,
    app: PICK_LABEL_APP,
    column: label,
  };
}

/** Numbers written so that they are read as text ("11,4", "12 kg"): every value becomes a class of its own. */
export function labelLikeNumberNote(fileName: string, label: string, classes: string[]): DataNote {
  const todo = 'To predict it as a number, write its values in the file as plain numbers (a dot as the decimal mark, no units or thousands separators)';
  return {
    code: 'label_like_number',
    warning: true,
    message:
      `The label ${label} of ${fileName} holds numbers written as text (such as ${examples(classes)}), so each of its ` +
      `${classes.length.toLocaleString('en-US')} values is read as a class of its own and the model learns to pick one, not to come close.`,
    cli: `${todo}, then run again; or predict another column with --label.`,
    app: `${todo} and import it again; or choose another column under "What should the model predict?".`,
    column: label,
  };
}

/** A numeric label read as classes because it holds a few whole numbers: offer to predict it as a number. */
export function labelFewNumbersNote(fileName: string, label: string, classes: string[]): DataNote {
  return {
    code: 'label_few_numbers',
    warning: true,
    message:
      `The label ${label} of ${fileName} holds ${classes.length} different whole numbers (from ${classes[0]} to ` +
      `${classes[classes.length - 1]}), so it is read as ${classes.length} classes: the model learns to pick one of them, ` +
      'and a near miss counts as wrong.',
    cli: 'To predict it as a number (regression) instead, add --task regression.',
    app: `To predict it as a number (regression) instead, click "${PREDICT_AS_NUMBER.button}".`,
    column: label,
    action: PREDICT_AS_NUMBER,
  };
}

/** The person asked for regression on a label that would otherwise be read as classes. */
export function regressionChosenNote(fileName: string, label: string, distinct: number): DataNote {
  return {
    code: 'regression_chosen',
    message: `The label ${label} of ${fileName} is predicted as a number (regression), as chosen, though its ${distinct} different whole numbers could be read as classes.`,
    cli: 'Leave out --task regression to predict classes.',
    app: `To predict classes again, click "${PREDICT_AS_CLASSES.button}".`,
    column: label,
    action: PREDICT_AS_CLASSES,
  };
}

