/**
 * Tiny flag parser for our CLIs: `--name value` pairs and bare positional arguments.
 * A flag given more than once keeps its last value in `flags` and every value, in
 * order, in `repeated`.
 */
export function parseArgs(argv: string[]): { flags: Map<string, string>; repeated: Map<string, string[]>; positional: string[] } {
  const flags = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const positional: string[] = [];
  const set = (name: string, value: string) => {
    flags.set(name, value);
    repeated.set(name, [...(repeated.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) set(name, argv[++i]!);
    else set(name, 'true');
  }
  return { flags, repeated, positional };
}

/** A whole number flag, or exit with a message naming the flag. */
export function intFlag(flags: Map<string, string>, name: string, fallback: number, min = 1): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    console.error(`--${name} must be a whole number of at least ${min}, got "${raw}"`);
    process.exit(2);
  }
  return value;
}
