// The progress line under the training charts: elapsed time, an estimate of the time left, both as a clock reads.

/** Seconds left if the remaining epochs take as long as the average one so far (epochsDone may count a share of
 * the epoch under way); null before any progress. */
export function estimateTimeLeft(epochsDone: number, totalEpochs: number, elapsedSeconds: number): number | null {
  if (epochsDone <= 0 || !Number.isFinite(elapsedSeconds) || elapsedSeconds < 0) return null;
  const remaining = Math.max(0, totalEpochs - epochsDone);
  return (elapsedSeconds / epochsDone) * remaining;
}

/** 7 → "0:07", 62 → "1:02", 3723 → "1:02:03". Rounded up, so a run never shows 0:00 left while still running. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const whole = Math.max(0, Math.ceil(seconds - 1e-9));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** How long a run took or has been going: under a second in hundredths ("0.47 s"), else as a clock ("1:02"). */
export function formatRunTime(seconds: number): string {
  return seconds < 1 ? `${Math.max(0, seconds).toFixed(2)} s` : formatDuration(seconds);
}

/** Share of the run done, 0..1, for the progress bar. */
export function progressFraction(epochsDone: number, totalEpochs: number): number {
  if (totalEpochs <= 0) return 0;
  return Math.min(1, Math.max(0, epochsDone / totalEpochs));
}
