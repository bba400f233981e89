/** Sample mean and standard deviation (n − 1), for the benchmarks' and the bot tests' statistics. */
export function meanAndSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean, sd };
}

/** The standard error of a sample's mean. */
export function standardError(xs: readonly number[]): number {
  return meanAndSd(xs).sd / Math.sqrt(xs.length);
}
