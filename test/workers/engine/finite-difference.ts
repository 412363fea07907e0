// The finite-difference side of the gradient checks, shared by the JS and WebAssembly engine tests.

/**
 * The worst relative error between `analytic` and a numeric gradient of `objective` with respect to each entry of
 * `params` (changed in place and restored).
 */
export function worstGradientMismatch(params: Float64Array, analytic: ArrayLike<number>, objective: () => number): number {
  let worst = 0;
  // five-point central difference: truncation error O(h^4), so h can be large enough to keep rounding error small
  const h = 1e-4;
  const at = (i: number, value: number): number => {
    params[i] = value;
    return objective();
  };
  for (let i = 0; i < params.length; i++) {
    const keep = params[i];
    const numeric = (-at(i, keep + 2 * h) + 8 * at(i, keep + h) - 8 * at(i, keep - h) + at(i, keep - 2 * h)) / (12 * h);
    params[i] = keep;
    // relative error, with a floor so that gradients near zero are compared absolutely
    const error = Math.abs(numeric - analytic[i]) / Math.max(Math.abs(numeric) + Math.abs(analytic[i]), 1e-3);
    worst = Math.max(worst, error);
  }
  return worst;
}
