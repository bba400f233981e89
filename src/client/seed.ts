/** Seeds for new matches: from the browser's crypto source, or chosen in the URL (`?seed=`) to replay a game. */

export function createSeed(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const SEED_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function readSeedParam(search: string): { seed: string | null; error: string | null } {
  const raw = new URLSearchParams(search).get('seed');
  if (raw === null) return { seed: null, error: null };
  if (!SEED_PATTERN.test(raw)) return { seed: null, error: raw.slice(0, 80) };
  return { seed: raw, error: null };
}

export function isValidSeed(seed: string): boolean {
  return SEED_PATTERN.test(seed);
}
