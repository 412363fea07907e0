// How far the training charts' epoch axis reaches. A short live run fills a fixed frame (the person sees it grow
// towards the end); a long one gets an axis a little ahead of where it is, widening in round steps, so its curve is
// never a sliver at the left edge of 20,000 epochs.

/** 1, 2, 5, 10, 20, 50, … : the smallest such number at or above x. */
export function roundUp(x: number): number {
  if (x <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * power >= x) return step * power;
  return 10 * power;
}

export const FIXED_FRAME_EPOCHS = 300;

export function epochAxisEnd(epochsDone: number, totalEpochs: number, live: boolean): number {
  if (!live) return Math.max(1, epochsDone);
  if (totalEpochs <= FIXED_FRAME_EPOCHS) return Math.max(1, totalEpochs);
  return Math.min(totalEpochs, roundUp(Math.max(50, epochsDone * 1.2)));
}
