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

/** A share k of n, and its standard error as a binomial proportion. */
export function proportion(k: number, n: number): { share: number; se: number } {
  const share = n === 0 ? NaN : k / n;
  return { share, se: n === 0 ? NaN : Math.sqrt((share * (1 - share)) / n) };
}

/**
 * Σ parts / Σ wholes over a sample of games (the share of all orders that are holds, say),
 * with the standard error of that ratio by linearisation: the games are the
 * independent units, not the orders inside them.
 */
export function ratioOfSums(parts: readonly number[], wholes: readonly number[]): { ratio: number; se: number } {
  const n = parts.length;
  const top = parts.reduce((a, x) => a + x, 0);
  const bottom = wholes.reduce((a, x) => a + x, 0);
  const ratio = bottom === 0 ? NaN : top / bottom;
  const residuals = parts.reduce((a, x, i) => a + (x - ratio * wholes[i]!) ** 2, 0);
  return { ratio, se: n < 2 || bottom === 0 ? NaN : Math.sqrt((n / (n - 1)) * residuals) / bottom };
}
