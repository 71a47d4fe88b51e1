/**
 * Small statistics for noisy timings: this machine is shared, so every figure is a median of
 * several runs, and comparisons are ratios of runs taken side by side.
 */

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const upper = sorted[mid] ?? Number.NaN
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2
}

/** Spread of a sample as "min–max", for the notes column. */
export function spread(values: number[], digits = 2): string {
  if (values.length === 0) return 'n/a'
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` value). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6
}
