// What a calculator page says besides the weights (workers/exports/calculator-facts.ts words it), gathered from
// what is known: a project's run (its table, split, answer names and "About this data") or a weights file with rows
// like its training rows (the CLI's --background).

import path from 'node:path';
import type { Dataset } from '../../workers/data';
import { profileDataset } from '../../workers/data/profile';
import type { RawRow } from '../../workers/engine/explain';
import type { WeightsFile } from '../../workers/engine/weights-file';
import { calculatorFactsFor } from '../../workers/exports/calculator-facts';
import type { CalculatorFacts } from '../../workers/exports/calculator';
import { dayText } from '../../workers/number-text';
import { scoreLines } from '../../workers/score-words';
import { seenRange, typicalValue, usualRange, type ProfileLike } from '../../workers/usual-values';
import type { Run } from '../contract';
import { modelOf } from './predictions';
import { backgroundOfRun } from './run-explanations';
import type { Session } from './session';

/** Each input's hint and typical value, as the Use form shows them. */
function fieldsOf(weights: WeightsFile, profiles: readonly ProfileLike[]): CalculatorFacts['fields'] {
  const fields: NonNullable<CalculatorFacts['fields']> = {};
  for (const input of weights.inputs) {
    const profile = profiles.find((p) => p.name === input.name);
    if (profile) fields[input.name] = { hint: usualRange(profile), typical: typicalValue(profile), seen: seenRange(profile) };
  }
  return fields;
}

/** A project's run: its training rows as the background, its table's hints, the names its answers were given. */
export function calculatorFactsOfRun(session: Session, runId: string, now = Date.now()): CalculatorFacts {
  const run = session.run(runId);
  const loaded = session.requireDataset();
  const weights = modelOf(run);
  return calculatorFactsFor(weights, {
    title: `${session.name}: ${run.name}`,
    background: backgroundOfRun(session, runId),
    learnedFrom: { fileName: loaded.fileName, rows: run.rows ? { train: run.rows.train, of: loaded.summary.rows } : null },
    answerNames: session.ui.answerNames?.[run.plan.label] ?? {},
    about: session.ui.aboutData ?? null,
    fields: fieldsOf(weights, loaded.describe.profiles),
    madeOn: dayText(now),
    moreLimits: howGood(run),
  });
}

/** How good it was on rows it did not learn from, with the caution of a small test set: the page's reader should
 * know how far to trust it. Nothing for a run scored only on its training rows. */
function howGood(run: Run): string[] {
  if (!run.evaluation) return [];
  const [score, ...caution] = scoreLines(run.evaluation);
  return score ? [`Checked on rows it did not learn from: ${score}.`, ...caution] : [];
}

/** A weights file alone: the background and the hints come from a table like its training rows. */
export function calculatorFactsOfWeights(weights: WeightsFile, weightsFile: string, table: Dataset, background: RawRow[], now = Date.now()): CalculatorFacts {
  return calculatorFactsFor(weights, {
    title: path.basename(weightsFile).replace(/\.json$/i, ''),
    background,
    learnedFrom: null,
    fields: fieldsOf(weights, profileDataset(table)),
    madeOn: dayText(now),
  });
}
