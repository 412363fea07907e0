// When a run has diverged, for every optimizer, and the true sentence that says so.
//
// Three signs, watched after every epoch on the training loss (the data loss per row, weighted as it is trained,
// without the L2 penalty, which is the user's choice rather than a sign of trouble):
// - the loss is not a number or infinite (train.ts also checks every batch);
// - the loss swings far above where it started: above SWING_FACTOR × the larger of the untrained network's loss and
//   the loss of the best constant answer (always the class shares, or the mean), for DIVERGE_EPOCHS epochs in a row.
//   A network that learns stays below where it started; one whose steps are too big jumps past the minimum and
//   lands higher each time (Adam at learning rate 100 on the Pima table reads 3 to 6 against 0.69). The epoch's
//   loss is a running value over its batches, so a single bad epoch can be a few unlucky batches: hence several in
//   a row. Or it stays above where it started (ABOVE_FACTOR × that loss) for ABOVE_EPOCHS epochs in a row: SGD at
//   learning rate 10 on the same table bounces around 0.95 for all its epochs, never learning. A network that learns
//   anything is below its starting loss long before; the 10 % margin leaves room for the running loss's noise and for
//   a strong L2 pulling a near-constant network towards the constant answer. The constant answer's loss is a floor,
//   so a run continued from good weights (a small starting loss) is not called diverged for a first epoch a little
//   above it;
// - answers stuck on one class with a rising loss (classification): every answer of an epoch the same class, its
//   loss higher than the epoch before and clearly above the best constant answer's (ABOVE_FACTOR × it),
//   DIVERGE_EPOCHS epochs in a row: the network has fallen off to one side and is getting worse there. Stuck on one
//   class near the constant answer's loss is not diverged but not learning (workers/run-diagnosis.ts says so): its
//   loss wobbles up and down by a ten-thousandth (Adam at 0.03 on the unscaled Pima table).

import { DEFAULT_LEARNING_RATE } from './optimizers';
import type { OptimizerName, OptimizerSettings } from './spec';

export const SWING_FACTOR = 2;
export const DIVERGE_EPOCHS = 3;
export const ABOVE_FACTOR = 1.1;
export const ABOVE_EPOCHS = 10;

/** The data loss per row before training: the untrained network's, and the best constant answer's. */
export interface StartingLoss {
  untrained: number;
  guess: number;
}

export type DivergedWhy = 'not_a_number' | 'infinite' | 'swinging' | 'above_start' | 'stuck';

export class DivergenceWatch {
  /** the loss above which an epoch counts as swinging */
  readonly limit: number;
  /** the loss above which an epoch counts as above where it started */
  readonly above: number;
  /** the first epoch of the current run of bad epochs (0: none) */
  firstBad = 0;
  private swinging = 0;
  private aboveStart = 0;
  private stuck = 0;
  private previous = Infinity;

  constructor(readonly start: StartingLoss) {
    this.limit = SWING_FACTOR * this.reference;
    this.above = ABOVE_FACTOR * this.reference;
  }

  /** The loss before training the message compares with. */
  get reference(): number {
    return Math.max(this.start.untrained, this.start.guess);
  }

  /**
   * After epoch `epoch`: its data loss per row and whether every answer was one class. Gives why the run has
   * diverged, or null; `clean` then says whether this epoch went well (its weights may be kept).
   */
  epoch(epoch: number, loss: number, oneClass: boolean): { diverged: DivergedWhy | null; clean: boolean } {
    if (Number.isNaN(loss)) return { diverged: 'not_a_number', clean: false };
    if (!(Math.abs(loss) < Infinity)) return { diverged: 'infinite', clean: false };
    this.swinging = loss > this.limit ? this.swinging + 1 : 0;
    this.aboveStart = loss > this.above ? this.aboveStart + 1 : 0;
    this.stuck = oneClass && loss > this.previous && loss > ABOVE_FACTOR * this.start.guess ? this.stuck + 1 : 0;
    this.previous = loss;
    const bad = Math.max(this.aboveStart, this.stuck);
    if (bad === 1) this.firstBad = epoch;
    else if (bad === 0) this.firstBad = 0;
    if (this.swinging >= DIVERGE_EPOCHS) return { diverged: 'swinging', clean: false };
    if (this.aboveStart >= ABOVE_EPOCHS) return { diverged: 'above_start', clean: false };
    if (this.stuck >= DIVERGE_EPOCHS) return { diverged: 'stuck', clean: false };
    return { diverged: null, clean: bad === 0 };
  }
}

export interface DivergedFacts {
  why: DivergedWhy;
  /** the epoch it was seen in */
  epoch: number;
  /** the first of the bad epochs in a row (swinging, stuck) */
  firstBad?: number;
  /** the last epoch's loss and the loss before training (swinging, stuck) */
  loss?: number;
  reference?: number;
  /** the last epoch that went well, whose weights are kept; 0 when none did */
  keptEpoch: number;
  /** whether the run started from given weights (continued) rather than from the initializers' */
  continued: boolean;
  optimizer: OptimizerSettings;
}

const OPTIMIZER_NAMES: Record<OptimizerName, string> = { sgd: 'SGD', rmsprop: 'RMSprop', adam: 'Adam' };

/** What happened, which weights are kept, and a learning rate to try: every clause true of this run. */
export function divergedMessage(facts: DivergedFacts): string {
  const epochs = facts.firstBad && facts.firstBad < facts.epoch ? `epochs ${facts.firstBad}–${facts.epoch}` : `epoch ${facts.epoch}`;
  const loss = short(facts.loss ?? NaN), start = short(facts.reference ?? NaN);
  const what =
    facts.why === 'not_a_number' ? `Training went wrong in epoch ${facts.epoch}: the loss stopped being a number (NaN).`
      : facts.why === 'infinite' ? `Training went wrong in epoch ${facts.epoch}: the loss became infinite.`
        : facts.why === 'swinging' ? `Training went wrong in ${epochs}: the loss swung far above where it started (${loss} in epoch ${facts.epoch}, against ${start} before training).`
          : facts.why === 'above_start' ? `Training went wrong in ${epochs}: the loss stayed above where it started (${loss} in epoch ${facts.epoch}, against ${start} before training), so it was not learning.`
            : `Training went wrong in ${epochs}: it gave every row the same answer while the loss kept rising (to ${loss}, against ${start} before training).`;
  const kept = facts.keptEpoch > 0
    ? `The weights of epoch ${facts.keptEpoch}, the last good one, were kept.`
    : facts.continued
      ? 'No epoch went well, so the weights are the ones it started from.'
      : 'No epoch went well, so the weights are the starting ones: it has learned nothing.';
  return `${what} ${kept} ${rateAdvice(facts.optimizer)}`;
}

/** A rate near the optimizer's usual one, or, when the rate is already about that, a tenth of it. */
export function rateAdvice(optimizer: OptimizerSettings): string {
  const usual = DEFAULT_LEARNING_RATE[optimizer.name];
  const rate = optimizer.learningRate ?? usual;
  if (rate > 3 * usual) return `Try a learning rate of ${usual} (${OPTIMIZER_NAMES[optimizer.name]}'s usual rate) instead of ${rate}.`;
  return `Try a lower learning rate (for example ${Number((rate / 10).toPrecision(3))} instead of ${rate}), or scale the inputs.`;
}

/** 4.7461 → "4.75", 1.2e7 → "1.2e+7": a loss in a sentence. */
function short(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 1e6 ? x.toExponential(1) : String(Number(x.toPrecision(3)));
}
