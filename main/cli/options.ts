// The command-line options of `train` and `predict`, parsed with node:util's parseArgs and checked into typed values;
// anything wrong becomes a UsageError naming the option and what it accepts.

import { parseArgs } from 'node:util';
import {
  ACTIVATIONS, CLASS_WEIGHTINGS, INITIALIZERS, LOSSES, OPTIMIZERS,
  type ActivationName, type ClassWeighting, type InitializerName, type LossName, type OptimizerName,
} from '../../workers/engine/spec';
import type { LayerPlan } from '../../workers/plan';
import { BUDGET_NAMES, type BudgetName } from '../../workers/search-space';
import { UsageError } from './errors';

export const SCALINGS = ['standard', 'minmax', 'none'] as const;
export type ScalingName = (typeof SCALINGS)[number];
export const TASKS = ['auto', 'regression'] as const;

export interface TrainOptions {
  csv?: string;
  /** a header name, or a 0-based position */
  label?: string;
  features?: string[];
  /** 'regression' predicts a numeric label as a number even when it holds a few whole numbers */
  task?: (typeof TASKS)[number];
  layers?: LayerPlan[];
  init?: InitializerName;
  optimizer?: OptimizerName;
  lr?: number;
  l2?: number;
  loss?: LossName | 'auto';
  epochs?: number;
  batch?: number;
  classWeights?: ClassWeighting;
  validation?: number;
  test?: number;
  scale?: ScalingName;
  seed?: number;
  zerosMissing?: string[];
  /** find a good network (main/cli/search-command.ts) instead of training the one described */
  search?: BudgetName;
  /** k-fold cross-validation of the plan, beside the run */
  folds?: number;
  /** the pool's threads: how many trainings run at once */
  workers?: number;
  out?: string;
  save?: string;
  /** go on from the weights in this file (train --out, the app's Export) */
  from?: string;
  /** go on from a run of this project, on its own table and plan */
  project?: string;
  /** with --project: the run's name (default: its latest run with weights) */
  run?: string;
  skipBadRows: boolean;
  json: boolean;
  help: boolean;
}

export interface PredictOptions {
  weights?: string;
  project?: string;
  /** with --project: the run's name (default: its latest run with weights) */
  run?: string;
  input?: string;
  csv?: string;
  out?: string;
  /** say why each answer: each input's share of (the answer − the average answer) */
  explain: boolean;
  /** with --explain and --weights: the rows the average answer is taken over (a project's run uses its training rows) */
  background?: string;
  json: boolean;
  help: boolean;
}

export interface ExportOptions {
  weights?: string;
  project?: string;
  /** with --project: the run's name (default: its latest run with weights) */
  run?: string;
  /** the weights file itself (JSON), e.g. of a project's run */
  out?: string;
  tfjs?: string;
  onnx?: string;
  html?: string;
  /** ONNX's numbers: 32 bits (the default) or 64 */
  precision: 32 | 64;
  /** with --html and --weights: rows like the training rows, for the page's "why" */
  background?: string;
  help: boolean;
}

const TRAIN_SPEC = {
  csv: { type: 'string' },
  label: { type: 'string' },
  features: { type: 'string' },
  task: { type: 'string' },
  layers: { type: 'string' },
  init: { type: 'string' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  l2: { type: 'string' },
  loss: { type: 'string' },
  epochs: { type: 'string' },
  batch: { type: 'string' },
  'class-weights': { type: 'string' },
  validation: { type: 'string' },
  test: { type: 'string' },
  scale: { type: 'string' },
  seed: { type: 'string' },
  'zeros-missing': { type: 'string' },
  search: { type: 'string' },
  folds: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string' },
  save: { type: 'string' },
  from: { type: 'string' },
  project: { type: 'string' },
  run: { type: 'string' },
  'skip-bad-rows': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const PREDICT_SPEC = {
  weights: { type: 'string' },
  project: { type: 'string' },
  run: { type: 'string' },
  input: { type: 'string' },
  csv: { type: 'string' },
  out: { type: 'string' },
  explain: { type: 'boolean' },
  background: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const EXPORT_SPEC = {
  weights: { type: 'string' },
  project: { type: 'string' },
  run: { type: 'string' },
  out: { type: 'string' },
  tfjs: { type: 'string' },
  onnx: { type: 'string' },
  html: { type: 'string' },
  precision: { type: 'string' },
  background: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseExportOptions(args: string[]): ExportOptions {
  const v = parseStrict(args, EXPORT_SPEC, 'export');
  const precision = v.precision ?? '32';
  if (precision !== '32' && precision !== '64') {
    throw new UsageError(`--precision is 32 or 64 (the bits of each of the ONNX model's numbers), not "${precision}".`);
  }
  return {
    weights: v.weights,
    project: v.project,
    run: v.run,
    out: v.out,
    tfjs: v.tfjs,
    onnx: v.onnx,
    html: v.html,
    precision: precision === '64' ? 64 : 32,
    background: v.background,
    help: v.help ?? false,
  };
}

export function parseTrainOptions(args: string[]): TrainOptions {
  const v = parseStrict(args, TRAIN_SPEC, 'train');
  return {
    csv: v.csv,
    label: v.label,
    features: v.features === undefined ? undefined : list(v.features, '--features'),
    task: v.task === undefined ? undefined : oneOf(v.task, TASKS, '--task'),
    layers: v.layers === undefined ? undefined : parseLayers(v.layers),
    init: v.init === undefined ? undefined : oneOf(v.init, INITIALIZERS, '--init'),
    optimizer: v.optimizer === undefined ? undefined : oneOf(v.optimizer, OPTIMIZERS, '--optimizer'),
    lr: v.lr === undefined ? undefined : positiveNumber(v.lr, '--lr'),
    l2: v.l2 === undefined ? undefined : nonNegativeNumber(v.l2, '--l2'),
    loss: v.loss === undefined ? undefined : oneOf(v.loss, [...LOSSES, 'auto'] as const, '--loss'),
    epochs: v.epochs === undefined ? undefined : integer(v.epochs, '--epochs', 1, 100000),
    batch: v.batch === undefined ? undefined : integer(v.batch, '--batch', 1, 1_000_000),
    classWeights: v['class-weights'] === undefined ? undefined : oneOf(v['class-weights'], CLASS_WEIGHTINGS, '--class-weights'),
    validation: v.validation === undefined ? undefined : fraction(v.validation, '--validation'),
    test: v.test === undefined ? undefined : fraction(v.test, '--test'),
    scale: v.scale === undefined ? undefined : oneOf(v.scale, SCALINGS, '--scale'),
    seed: v.seed === undefined ? undefined : integer(v.seed, '--seed', -2147483648, 4294967295),
    zerosMissing: v['zeros-missing'] === undefined ? undefined : list(v['zeros-missing'], '--zeros-missing'),
    search: v.search === undefined ? undefined : oneOf(v.search, BUDGET_NAMES, '--search'),
    folds: v.folds === undefined ? undefined : integer(v.folds, '--folds', 2, 100, 'the parts cross-validation splits the rows into, e.g. --folds 5'),
    workers: v.workers === undefined ? undefined : integer(v.workers, '--workers', 1, 256, 'how many trainings run at once, e.g. --workers 2'),
    out: v.out,
    save: v.save,
    from: v.from,
    project: v.project,
    run: v.run,
    skipBadRows: v['skip-bad-rows'] ?? false,
    json: v.json ?? false,
    help: v.help ?? false,
  };
}

export function parsePredictOptions(args: string[]): PredictOptions {
  const v = parseStrict(args, PREDICT_SPEC, 'predict');
  return {
    weights: v.weights,
    project: v.project,
    run: v.run,
    input: v.input,
    csv: v.csv,
    out: v.out,
    explain: v.explain ?? false,
    background: v.background,
    json: v.json ?? false,
    help: v.help ?? false,
  };
}

type Spec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type Values<S extends Spec> = { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean };

function parseStrict<S extends Spec>(args: string[], options: S, command: string): Values<S> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Values<S>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message.split('\n')[0];
    const help = `Run \`npm run ${command} -- --help\` to see the options.`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${message}. ${help}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`${message.replace(/\. This command.*$/, '')}: every value follows its option, e.g. --csv data.csv. ${help}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`${message}. Give a value after the option (write --lr=-1 style for values starting with a dash). ${help}`);
    }
    throw new UsageError(`${message}. ${help}`);
  }
}

function list(text: string, option: string): string[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw new UsageError(`${option} "${text}" has an empty entry. List names separated by commas, e.g. ${option} a,b,c.`);
  }
  return items;
}

function oneOf<T extends string>(text: string, allowed: readonly T[], option: string): T {
  const value = text.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} "${text}" is not known. Use one of: ${allowed.join(', ')}.`);
}

function number(text: string, option: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`${option} "${text}" is not a number. Give a number, e.g. ${option} 0.2.`);
  }
  return value;
}

function positiveNumber(text: string, option: string): number {
  const value = number(text, option);
  if (value <= 0) throw new UsageError(`${option} must be above 0 (got ${text}).`);
  return value;
}

function nonNegativeNumber(text: string, option: string): number {
  const value = number(text, option);
  if (value < 0) throw new UsageError(`${option} must be 0 or more (got ${text}).`);
  return value;
}

function fraction(text: string, option: string): number {
  const value = number(text, option);
  if (value < 0 || value > 0.9) {
    throw new UsageError(`${option} ${text} is out of range. Give a fraction of the rows from 0 to 0.9, e.g. ${option} 0.2.`);
  }
  return value;
}

/** `meaning`: what the number counts, said after the range */
function integer(text: string, option: string, min: number, max: number, meaning?: string): number {
  const value = number(text, option);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${option} "${text}" must be a whole number from ${min} to ${max}${meaning ? `: ${meaning}` : ''}.`);
  }
  return value;
}

/** "16:relu,8:relu" -> hidden layers; the activation defaults to relu. An empty string means no hidden layer. */
export function parseLayers(text: string): LayerPlan[] {
  if (text.trim() === '' || text.trim().toLowerCase() === 'none') return [];
  return text.split(',').map((part) => {
    const [unitsText, activationText, extra] = part.trim().split(':');
    const units = Number(unitsText);
    if (!Number.isInteger(units) || units < 1 || units > 4096 || extra !== undefined) {
      throw new UsageError(
        `--layers "${part.trim()}" is not a layer. Write each hidden layer as UNITS:ACTIVATION, e.g. --layers 16:relu,8:relu.`,
      );
    }
    const activation: ActivationName =
      activationText === undefined ? 'relu' : oneOf(activationText, ACTIVATIONS, `--layers activation`);
    return { units, activation };
  });
}
