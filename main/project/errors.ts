// ProjectFileError: why a project file could not be opened or saved, said in plain words, plus the words for a bad field.

import path from 'node:path';
import type { z } from 'zod';

export type ProjectFileErrorCode =
  | 'not_found'
  | 'unreadable'
  | 'not_json'
  | 'truncated'
  | 'wrong_format'
  | 'newer_version'
  | 'invalid';

export class ProjectFileError extends Error {
  readonly code: ProjectFileErrorCode;
  /** the full path of the file concerned */
  readonly file: string;
  /** what to do, when the message does not say it */
  readonly hint?: string;
  constructor(code: ProjectFileErrorCode, file: string, message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options);
    this.name = 'ProjectFileError';
    this.code = code;
    this.file = file;
    if (options?.hint) this.hint = options.hint;
  }
}

// Words for the parts of a project file a person may recognise; anything else is shown by its own name.
const FIELD_WORDS: Record<string, string> = {
  plan: 'the training plan',
  dataset: 'the dataset',
  content: 'the stored CSV',
  parse: 'the reading options',
  weights: 'the trained weights',
  evaluation: 'the evaluation',
  ui: 'the screen state',
  preparation: 'the preparation choices',
  split: 'the split',
  training: 'the training settings',
  optimizer: 'the optimizer',
  output: 'the output',
};

const ITEM_WORDS: Record<string, string> = {
  runs: 'run',
  history: 'history row',
  hidden: 'hidden layer',
  layers: 'layer',
  inputs: 'input',
  features: 'feature',
  kernel: 'kernel row',
};

/** Where a field sits, e.g. ["runs", 1, "history", 2] -> 'run 2 ("Second try"), history row 3'. */
export function fieldPathInWords(issuePath: readonly PropertyKey[], root: unknown): string {
  const parts: string[] = [];
  let node: unknown = root;
  let parentKey: PropertyKey | undefined;
  issuePath.forEach((key, i) => {
    if (typeof key === 'number') {
      const item = ITEM_WORDS[String(parentKey)] ?? `item of "${String(parentKey)}",`;
      const child = Array.isArray(node) ? node[key] : undefined;
      const name = child && typeof child === 'object' && typeof (child as { name?: unknown }).name === 'string'
        ? ` ("${(child as { name: string }).name}")`
        : '';
      // "item of x" already named its list; drop the list's own word pushed just before.
      if (!(String(parentKey) in ITEM_WORDS) && parts.length > 0) parts.pop();
      parts.push(`${item.replace(/,$/, '')} ${key + 1}${name}`);
    } else {
      const k = String(key);
      const nextIsIndex = typeof issuePath[i + 1] === 'number';
      if (nextIsIndex && k in ITEM_WORDS) {
        // the list's name is said by its items ("run 2"), not on its own
      } else if (k in FIELD_WORDS) {
        parts.push(FIELD_WORDS[k]);
      } else {
        parts.push(`"${k}"`);
      }
    }
    parentKey = key;
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as never] : undefined;
  });
  return parts.join(', ');
}

function valueInWords(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 30 ? `${value.slice(0, 30)}…` : value;
      return `the text "${shown}"`;
    }
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'a group of fields';
    default:
      return typeof value;
  }
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  null: 'empty (null)',
};

function valueAt(root: unknown, issuePath: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of issuePath) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key as never];
  }
  return node;
}

/** What is wrong with a field, e.g. 'should be a number but is the text "0.5"' or 'is missing'. */
function problemInWords(issue: z.core.$ZodIssue, value: unknown, present: boolean): string {
  if (!present) return 'is missing';
  const found = valueInWords(value);
  switch (issue.code) {
    case 'invalid_type':
      return `should be ${TYPE_WORDS[issue.expected] ?? issue.expected} but is ${found}`;
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v));
      return allowed.length === 1
        ? `should be ${allowed[0]} but is ${found}`
        : `should be one of ${allowed.join(', ')} but is ${found}`;
    }
    case 'too_small':
      return issue.origin === 'array'
        ? `should have at least ${String(issue.minimum)} item(s)`
        : issue.origin === 'string'
          ? 'should not be empty'
          : `should be at least ${String(issue.minimum)} but is ${found}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `should have at most ${String(issue.maximum)} items`
        : `should be at most ${String(issue.maximum)} but is ${found}`;
    case 'invalid_format':
      return `is not in the expected form (${found})`;
    case 'custom':
      // a check that says the whole problem itself (e.g. nesting) rather than "should be X"
      if (typeof issue.params?.inWords === 'string') return issue.params.inWords;
      return `${issue.message} but is ${found}`;
    case 'invalid_union':
      return `is not in a form this version understands (${found})`;
    default:
      return `is not valid (${issue.message})`;
  }
}

/** The first problem zod found, in a sentence: 'In run 2 ("B"), history row 3, the field "loss" should be a number …'. */
export function issueInWords(issue: z.core.$ZodIssue, root: unknown): string {
  const parentPath = issue.path.slice(0, -1);
  const last = issue.path[issue.path.length - 1];
  const parent = valueAt(root, parentPath);
  const present =
    issue.path.length === 0 ||
    (parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, last as never));
  const problem = problemInWords(issue, valueAt(root, issue.path), present);
  if (issue.path.length === 0) return `The file as a whole ${problem}`;
  if (typeof last === 'number') return `In ${fieldPathInWords(issue.path, root)}: it ${problem}`;
  const field = `the field "${String(last)}"`;
  if (parentPath.length === 0) return `The field "${String(last)}" ${problem}`;
  return `In ${fieldPathInWords(parentPath, root)}, ${field} ${problem}`;
}

/** The file name a person sees in a message. */
export function shownName(file: string): string {
  return path.basename(file);
}
