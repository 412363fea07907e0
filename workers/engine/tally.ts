// Running sums for an epoch's metrics (accuracy, or MAE / RMSE / R²), added to batch by batch without allocating,
// and whether every answer so far was the same class (one of the signs of a diverged run, divergence.ts).

export type MetricKind = 'binary' | 'multiclass' | 'regression';

export class MetricTally {
  rows = 0;
  correct = 0;
  absError = 0;
  squaredError = 0;
  targetSum = 0;
  targetSquares = 0;
  values = 0;
  /** classification: the class of the first answer counted (-1 before any), and whether another class came since */
  private firstClass = -1;
  private mixed = false;

  constructor(readonly kind: MetricKind, readonly width: number) {}

  reset(): void {
    this.rows = this.correct = this.absError = this.squaredError = this.targetSum = this.targetSquares = this.values = 0;
    this.firstClass = -1;
    this.mixed = false;
  }

  /** Adds `rows` rows of predictions and targets (rows × width each). */
  add(pred: Float64Array, target: Float64Array, rows: number): void {
    const width = this.width, count = rows * width;
    this.rows += rows;
    if (this.kind === 'binary') {
      // the label is the positive class when its probability is at least 0.5, as in the weights file
      for (let i = 0; i < count; i++) {
        const answer = pred[i] >= 0.5 ? 1 : 0;
        if (answer === (target[i] >= 0.5 ? 1 : 0)) this.correct++;
        if (answer !== this.firstClass) this.noteClass(answer);
      }
    } else if (this.kind === 'multiclass') {
      for (let r = 0; r < count; r += width) {
        let best = r, truth = r;
        for (let j = r + 1; j < r + width; j++) {
          if (pred[j] > pred[best]) best = j;
          if (target[j] > target[truth]) truth = j;
        }
        if (best === truth) this.correct++;
        if (best - r !== this.firstClass) this.noteClass(best - r);
      }
    } else {
      for (let i = 0; i < count; i++) {
        const e = pred[i] - target[i];
        this.absError += Math.abs(e);
        this.squaredError += e * e;
        this.targetSum += target[i];
        this.targetSquares += target[i] * target[i];
      }
      this.values += count;
    }
  }

  private noteClass(answer: number): void {
    if (this.firstClass < 0) this.firstClass = answer;
    else this.mixed = true;
  }

  /** Classification: every answer counted since reset() was the same class (false before any, and for regression). */
  oneClass(): boolean {
    return this.firstClass >= 0 && !this.mixed;
  }

  accuracy(): number {
    return this.kind === 'binary' ? this.correct / (this.rows * this.width) : this.correct / this.rows;
  }
  mae(): number {
    return this.absError / this.values;
  }
  rmse(): number {
    return Math.sqrt(this.squaredError / this.values);
  }
  r2(): number {
    const total = this.targetSquares - (this.targetSum * this.targetSum) / this.values;
    return total > 0 ? 1 - this.squaredError / total : 0;
  }
}
