// Where the circles and lines of the network drawing go, and how a weight colours and thickens its line (blue for
// positive, orange for negative, as TensorFlow Playground draws them).

export interface DrawnNode {
  /** column (0 = inputs) */
  layer: number;
  /** index of the unit inside its layer */
  unit: number;
  x: number;
  y: number;
}

export interface DrawnLayer {
  /** the units drawn (at most `maxNodes`; the rest are summarised by `hidden`) */
  nodes: DrawnNode[];
  /** how many units are not drawn */
  hidden: number;
  x: number;
}

/** Units drawn in a layer: all of them up to `maxNodes`, else the first `maxNodes - 1` and the last. */
export function drawnUnits(size: number, maxNodes: number): number[] {
  if (size <= maxNodes) return Array.from({ length: size }, (_, i) => i);
  const units = Array.from({ length: maxNodes - 1 }, (_, i) => i);
  units.push(size - 1);
  return units;
}

export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Columns of nodes, left to right; `margin` is one number for every side or room per side (labels need some). */
export function layoutNetwork(
  layerSizes: readonly number[],
  width: number,
  height: number,
  maxNodes = 10,
  margin: number | Margins = 28,
): DrawnLayer[] {
  const m = typeof margin === 'number' ? { left: margin, right: margin, top: margin, bottom: margin } : margin;
  const columns = layerSizes.length;
  const stepX = columns > 1 ? (width - m.left - m.right) / (columns - 1) : 0;
  const middle = m.top + (height - m.top - m.bottom) / 2;
  return layerSizes.map((size, layer) => {
    const x = columns > 1 ? m.left + layer * stepX : width / 2;
    const units = drawnUnits(size, maxNodes);
    const slots = units.length;
    const stepY = slots > 1 ? Math.min(44, (height - m.top - m.bottom) / (slots - 1)) : 0;
    const top = middle - (stepY * (slots - 1)) / 2;
    const nodes = units.map((unit, i) => ({ layer, unit, x, y: top + i * stepY }));
    return { nodes, hidden: size - slots, x };
  });
}

export interface LinkStyle {
  color: string;
  width: number;
  opacity: number;
}

/** A weight's line: colour by sign, width and opacity by size relative to the largest weight drawn. */
export function linkStyle(weight: number | undefined, maxAbs: number): LinkStyle {
  if (weight === undefined || !Number.isFinite(weight) || maxAbs <= 0) return { color: '#9aa5b1', width: 1, opacity: 0.35 };
  const strength = Math.min(1, Math.abs(weight) / maxAbs);
  return {
    color: weight >= 0 ? '#2b7bb9' : '#e8793a',
    width: 0.5 + 4.5 * strength,
    opacity: 0.25 + 0.75 * strength,
  };
}

/** The largest absolute weight over kernels (`[fanIn][units]`), to scale every line against. */
export function largestWeight(kernels: readonly (readonly (readonly number[])[])[]): number {
  let max = 0;
  for (const kernel of kernels) for (const row of kernel) for (const w of row) if (Math.abs(w) > max) max = Math.abs(w);
  return max;
}
