// The charts in words: each chart's sentence and its table of numbers, checked against curves worked by hand.
import { describe, expect, it } from 'vitest';
import {
  CURVE_METRICS,
  curveTable,
  foldsTable,
  MOST_ROWS,
  histogramSentence,
  networkSentence,
  rocChartText,
  scatterChartText,
  spreadIndices,
  trainingChartText,
  trainingCurveSentence,
} from '../../renderer/src/lib/chart-words';

/** a curve from its values, epoch 1 first */
const curve = (...ys: number[]) => ys.map((y, i) => ({ x: i + 1, y }));

describe('a training curve in one sentence', () => {
  it('says where the loss went and where the validation loss was lowest', () => {
    // training falls 0.69 → 0.45 over 4 epochs; validation is lowest (0.47) at epoch 2, then rises
    const training = curve(0.693, 0.6, 0.5, 0.4512);
    const validation = curve(0.7, 0.47, 0.48, 0.52);
    expect(trainingCurveSentence(CURVE_METRICS.loss, training, validation)).toBe(
      'Loss fell from 0.69 to 0.45 over 4 epochs; validation loss lowest at epoch 2 (0.47).',
    );
  });

  it('says accuracy rose, and the highest validation accuracy (the first epoch of a tie)', () => {
    expect(trainingCurveSentence(CURVE_METRICS.accuracy, curve(0.62, 0.7, 0.78), curve(0.6, 0.8, 0.8))).toBe(
      'Accuracy rose from 62 % to 78 % over 3 epochs; validation accuracy highest at epoch 2 (80 %).',
    );
  });

  it('speaks of one epoch, a flat curve, a run without validation rows, and a run not started', () => {
    expect(trainingCurveSentence(CURVE_METRICS.loss, curve(0.69))).toBe('Loss was 0.69 after epoch 1.');
    expect(trainingCurveSentence(CURVE_METRICS.error, curve(2.5, 2.5))).toBe('Mean absolute error stayed at 2.5 over 2 epochs.');
    expect(trainingCurveSentence(CURVE_METRICS.loss, [])).toBe('No epochs yet: the loss is drawn here as the run trains.');
  });

  it('writes a diverged loss as a school book does, not as 1e+299', () => {
    expect(trainingCurveSentence(CURVE_METRICS.loss, curve(0.7, 2.3e299))).toBe('Loss rose from 0.7 to 2.3 × 10²⁹⁹ over 2 epochs.');
  });
});

describe('a chart\'s numbers as a table', () => {
  it('spreads at most MOST_ROWS rows over a long run, the first and the last epoch among them', () => {
    expect(spreadIndices(4)).toEqual([0, 1, 2, 3]);
    const picked = spreadIndices(1000);
    expect(picked).toHaveLength(MOST_ROWS);
    expect(picked[0]).toBe(0);
    expect(picked[picked.length - 1]).toBe(999);
  });

  it('gives a column per curve, by epoch, "–" where a shorter curve has none', () => {
    const table = curveTable(CURVE_METRICS.loss, [
      { label: 'Run 2: training', points: curve(0.7, 0.6, 0.5) },
      { label: 'Run 1: training', points: curve(0.8, 0.65) },
      { label: 'Run 2: validation', points: [] },
    ]);
    expect(table.caption).toBe('Loss by epoch');
    expect(table.headers).toEqual(['epoch', 'Run 2: training', 'Run 1: training']);
    expect(table.rows).toEqual([
      ['1', '0.7', '0.8'],
      ['2', '0.6', '0.65'],
      ['3', '0.5', '–'],
    ]);
  });

  it('says how many epochs of a long run the table holds', () => {
    const long = Array.from({ length: 500 }, (_, i) => ({ x: i + 1, y: 1 / (i + 1) }));
    const text = trainingChartText(CURVE_METRICS.loss, { training: long, validation: [] }, [{ label: 'Run 1: training', points: long }]);
    expect(text.summary).toBe('Loss fell from 1 to 0.002 over 500 epochs.');
    expect(text.caption).toBe(`Loss by epoch, ${MOST_ROWS} of its 500 epochs`);
    expect(text.rows[0]).toEqual(['1', '1']);
    expect(text.rows[text.rows.length - 1]).toEqual(['500', '0.002']);
  });
});

describe('the Evaluate screen\'s charts in words', () => {
  const words = { positive: 'people with diabetes', negative: 'people without diabetes' };

  it('the ROC curve: its area, and what the threshold finds and costs in the answers\' names', () => {
    const text = rocChartText(
      [{ fpr: 0, tpr: 0 }, { fpr: 0.1, tpr: 0.6 }, { fpr: 1, tpr: 1 }],
      { auc: 0.8312, threshold: 0.5, found: 41 / 54, falseAlarms: 10 / 100 },
      words,
    );
    expect(text.summary).toBe(
      'The ROC curve\'s area (AUC) is 0.831: 0.5 is guessing, 1 is perfect. At the threshold 0.50 the model finds 76 % of the ' +
        'people with diabetes and raises a false alarm for 10 % of the people without diabetes.',
    );
    expect(text.headers).toEqual(['false alarms (share of the people without diabetes)', 'found (share of the people with diabetes)']);
    expect(text.rows).toEqual([['0 %', '0 %'], ['10 %', '60 %'], ['100 %', '100 %']]);
  });

  it('predicted against actual: the rows, the typical miss and R²', () => {
    const text = scatterChartText([{ x: 10, y: 12 }, { x: 20, y: 19 }], { mae: 1.5, r2: 0.91 }, 'price');
    expect(text.summary).toBe(
      'Predicted against actual price for 2 rows: the nearer a dot to the diagonal, the better the answer. A typical miss is 1.5; R² is 0.91.',
    );
    expect(text.rows).toEqual([['10', '12'], ['20', '19']]);
  });

  it('cross-validation\'s dots: each fold, one still training, and the run\'s own score', () => {
    const table = foldsTable([0.75, null], 0.78, (s) => `${Math.round(s * 100)} %`, 154);
    expect(table.rows).toEqual([['fold 1', '75 %'], ['fold 2', 'training…'], ['this run, on its 154 held-out rows', '78 %']]);
  });
});

describe('the drawing of the network in one sentence', () => {
  it('names the inputs, the layers and the output, and once trained its strongest weight', () => {
    const layers = [{ units: 2, activation: 'relu' }, { units: 1, activation: 'sigmoid' }];
    expect(networkSentence(['Glucose', 'Age'], layers, 'Outcome')).toBe(
      'The network: 2 inputs (Glucose, Age), hidden layer 1: 2 units (relu), then the output Outcome: 1 unit (sigmoid).',
    );
    // kernels [fanIn][units]: Age → hidden 2 is −2.14, the largest in size
    const kernels = [[[0.5, 0.1], [0.3, -2.14]], [[1.2], [0.7]]];
    expect(networkSentence(['Glucose', 'Age'], layers, 'Outcome', kernels)).toMatch(
      /The strongest weight, -2\.1, links Age to hidden unit 2 of layer 1; blue lines are positive weights, orange negative, thicker stronger\.$/,
    );
  });

  it('says a network with no hidden layer, and shortens a long list of inputs', () => {
    const inputs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    expect(networkSentence(inputs, [{ units: 3, activation: 'softmax' }], 'kind')).toBe(
      'The network: 8 inputs (a, b, c, d, e and 3 more), no hidden layer, then the output kind: 3 units (softmax).',
    );
  });
});

describe('a column\'s histogram in one sentence', () => {
  it('says how many bars and which is tallest', () => {
    expect(histogramSentence('Insulin', [{ label: '0–85', count: 487 }, { label: '85–170', count: 200 }, { label: '170–255', count: 81 }])).toBe(
      'Histogram of Insulin in 3 bars; the tallest, 0–85, holds 487 of 768 values.',
    );
    expect(histogramSentence('empty', [])).toBe('Histogram of empty: no values.');
  });
});
