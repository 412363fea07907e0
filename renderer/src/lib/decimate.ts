// Thins a long training curve to a few hundred points that look the same (Largest-Triangle-Three-Buckets), so a
// 10,000-epoch run draws as fast as a 30-epoch one.

export interface Point {
  x: number;
  y: number;
}

/**
 * Keeps the first and last points and, from each of `threshold - 2` equal buckets in between, the point forming the
 * largest triangle with the point kept before it and the average of the next bucket. Input shorter than the
 * threshold comes back as it is (the same array).
 */
export function decimate(points: readonly Point[], threshold: number): readonly Point[] {
  const n = points.length;
  if (threshold >= n || threshold < 3) return points;
  const out: Point[] = [points[0]!];
  const bucketSize = (n - 2) / (threshold - 2);
  let kept = 0;
  for (let b = 0; b < threshold - 2; b++) {
    const start = Math.floor(b * bucketSize) + 1;
    const end = Math.min(Math.floor((b + 1) * bucketSize) + 1, n - 1);
    // the average of the next bucket (the last point for the final bucket)
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((b + 2) * bucketSize) + 1, n);
    let avgX = 0;
    let avgY = 0;
    const nextCount = Math.max(1, nextEnd - nextStart);
    for (let i = nextStart; i < nextStart + nextCount && i < n; i++) {
      avgX += points[i]!.x;
      avgY += points[i]!.y;
    }
    avgX /= nextCount;
    avgY /= nextCount;
    const a = points[kept]!;
    let bestArea = -1;
    let best = start;
    for (let i = start; i < end; i++) {
      const p = points[i]!;
      const area = Math.abs((a.x - avgX) * (p.y - a.y) - (a.x - p.x) * (avgY - a.y));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    out.push(points[best]!);
    kept = best;
  }
  out.push(points[n - 1]!);
  return out;
}
