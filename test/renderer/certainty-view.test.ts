// How sure the Evaluate screen says its figures are, from an evaluation of 154 rows made here: the headline's
// Wilson range at the threshold shown, the bootstrap ranges kept with the run, and a run saved before they were kept.
import { describe, expect, it } from 'vitest';
import { certaintyView } from '../../renderer/src/lib/certainty-view';
import { evaluationView } from '../../renderer/src/lib/evaluation-view';
import { evaluationIntervals } from '../../workers/engine/uncertainty';
import { TrainingPlanSchema } from '../../workers/plan';

// 154 rows, 54 of them "1"; probabilities rise with the row number, so at 0.5 exactly 110 answers are right:
// rows 0-99 are "0" (p = i / 200, all below 0.5) but rows 80-99 get p 0.6 (20 false alarms); rows 100-153 are
// "1" with p 0.55, except 24 of them (p 0.3: missed). Right: 80 + 30 = 110.
const actual = Array.from({ length: 154 }, (_, i) => (i < 100 ? 0 : 1));
const probabilities = actual.map((a, i) => (a === 0 ? (i < 80 ? i / 200 : 0.6) : i < 124 ? 0.3 : 0.55));
const evaluation = { on: 'test', task: 'binary' as const, actual, probabilities, classes: ['0', '1'], baseline: {} };
const plan = TrainingPlanSchema.parse({ features: ['x'], label: 'y', training: { earlyStopping: { patience: 10 } } });
const run = { evaluation: { ...evaluation, intervals: evaluationIntervals(evaluation)! }, rows: { train: 522, validation: 92, test: 154 }, plan };

describe('certaintyView', () => {
  it('says the accuracy of 110 right answers of 154 with its Wilson range, and the other figures with theirs', () => {
    const view = evaluationView(run.evaluation, 0.5)!;
    const certainty = certaintyView(run, view)!;
    expect(certainty.headline).toBe('Accuracy 71 % (likely between 64 % and 78 %) on 154 rows');
    // precision: 30 of 50 "1" answers right (Wilson 0.4618 to 0.7239); recall: 30 of 54 found (0.4238 to 0.6800)
    expect(certainty.figures[0]).toBe('precision 60 %, likely between 46 % and 72 %');
    expect(certainty.figures[1]).toBe('recall 56 %, likely between 42 % and 68 %');
    expect(certainty.figures[2]).toMatch(/^F1 0\.58, likely between 0\.\d\d and 0\.\d\d$/);
    expect(certainty.figures[3]).toMatch(/^AUC 0\.\d\d, likely between 0\.\d\d and 0\.\d\d$/);
    expect(certainty.caution).toBeNull();
    expect(certainty.why).toBe(
      'Train shows the 92 validation rows, which training watched to decide when to stop; Evaluate scores 154 test rows the model never saw, so it is the fairer figure.',
    );
  });

  it('moves the ranges with the threshold: at 0.25 every "1" is found', () => {
    const certainty = certaintyView(run, evaluationView(run.evaluation, 0.25)!)!;
    // 54 found, 50 false alarms (rows 50-99): 104 of 154 right
    expect(certainty.headline).toBe('Accuracy 68 % (likely between 60 % and 74 %) on 154 rows');
    expect(certainty.figures[1]).toBe('recall 100 %, likely between 93 % and 100 %');
  });

  it('for a run saved before the bootstrap was kept: the shares\' ranges only', () => {
    const old = { ...run, evaluation };
    const certainty = certaintyView(old, evaluationView(evaluation, 0.5)!)!;
    expect(certainty.headline).toBe('Accuracy 71 % (likely between 64 % and 78 %) on 154 rows');
    expect(certainty.figures.map((f) => f.split(' ')[0])).toEqual(['precision', 'recall']);
  });
});
