// The confusion matrix told as sentences a person reads aloud ("Of 54 people with diabetes, the model found 41.").

export interface BinaryCounts {
  /** positives the model found */
  truePositive: number;
  /** negatives the model wrongly flagged */
  falsePositive: number;
  /** negatives the model correctly left alone */
  trueNegative: number;
  /** positives the model missed */
  falseNegative: number;
}

/** What the two classes are called in sentences: plural noun phrases such as "people with diabetes". */
export interface ClassWords {
  positive: string;
  negative: string;
}

/** Default words when the user has not named the classes: "rows where Outcome is 1". */
export function defaultClassWords(label: string, classes: readonly string[]): ClassWords {
  return {
    positive: `rows where ${label} is ${classes[1] ?? '1'}`,
    negative: `rows where ${label} is ${classes[0] ?? '0'}`,
  };
}

function percentOf(part: number, whole: number): string {
  return whole === 0 ? '' : ` (${Math.round((100 * part) / whole)} %)`;
}

/** Three sentences: recall, specificity, precision, each with its counts. */
export function binaryConfusionSentences(c: BinaryCounts, words: ClassWords): string[] {
  const positives = c.truePositive + c.falseNegative;
  const negatives = c.trueNegative + c.falsePositive;
  const flagged = c.truePositive + c.falsePositive;
  const sentences: string[] = [];
  sentences.push(
    positives === 0
      ? `There are no ${words.positive} among these rows.`
      : `Of ${positives} ${words.positive}, the model found ${c.truePositive}${percentOf(c.truePositive, positives)} and missed ${c.falseNegative}.`,
  );
  sentences.push(
    negatives === 0
      ? `There are no ${words.negative} among these rows.`
      : `Of ${negatives} ${words.negative}, it rightly left ${c.trueNegative} alone${percentOf(c.trueNegative, negatives)} and raised a false alarm for ${c.falsePositive}.`,
  );
  sentences.push(
    flagged === 0
      ? `It did not pick out anyone as one of the ${words.positive}.`
      : `Of the ${flagged} it picked out as ${words.positive}, ${c.truePositive} really were${percentOf(c.truePositive, flagged)}.`,
  );
  return sentences;
}

/**
 * One sentence per actual class for a multi-class matrix (`matrix[actual][predicted]`): how many were found, and
 * the class they were most often mistaken for.
 */
export function multiclassConfusionSentences(matrix: readonly (readonly number[])[], classes: readonly string[]): string[] {
  return matrix.map((row, actual) => {
    const total = row.reduce((a, b) => a + b, 0);
    const name = classes[actual] ?? String(actual);
    if (total === 0) return `There are no rows of class ${name}.`;
    const found = row[actual] ?? 0;
    let confused = -1;
    for (let p = 0; p < row.length; p++) {
      if (p !== actual && (row[p] ?? 0) > 0 && (confused < 0 || row[p]! > row[confused]!)) confused = p;
    }
    const mistake = confused < 0 ? '' : `; most mistakes called it ${classes[confused] ?? confused} (${row[confused]})`;
    return `Of ${total} rows of class ${name}, the model found ${found}${percentOf(found, total)}${mistake}.`;
  });
}

/** Always answering the most common class: the accuracy any model must beat to have learned something. */
export function majorityBaseline(classCounts: readonly number[], classes: readonly string[]): { className: string; accuracy: number } {
  let best = 0;
  let total = 0;
  for (let i = 0; i < classCounts.length; i++) {
    total += classCounts[i]!;
    if (classCounts[i]! > classCounts[best]!) best = i;
  }
  return { className: classes[best] ?? String(best), accuracy: total === 0 ? 0 : classCounts[best]! / total };
}
