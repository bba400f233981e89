/**
 * Polls `check` until it gives a truthy value, which is returned; fails naming `what`
 * after `ms` (a function is asked at that moment, so it can say where things stand).
 */
export async function until<T>(what: string | (() => string), check: () => T | null | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The same for a check that reads (the store, an API): one read at a time. */
export async function untilAsync<T>(what: string | (() => string), check: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
