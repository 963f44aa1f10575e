/**
 * Command-line options of the benchmark and soak scripts (`--name value`, `--switch`). A value is
 * never the next option: `--redis --accounts` leaves `--redis` at its default rather than taking
 * '--accounts' as its URL. A malformed number is an error naming the option, never a run with NaN.
 */

/** The value after `--name` (not another option), or `fallback` when there is none. */
export function flag(name: string, fallback: string, argv: readonly string[] = process.argv): string {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? argv[i + 1] : undefined;
  return value && !value.startsWith('--') ? value : fallback;
}

/**
 * A whole-number option: `fallback` when it is not given; given without a value, or with one that is
 * not a whole number ≥ `bounds` (or within `bounds.min`–`bounds.max`), an error naming it and its `unit`.
 */
export function wholeNumberFlag(
  name: string,
  fallback: number,
  bounds: number | { min: number; max: number },
  unit: string,
  argv: readonly string[] = process.argv,
): number {
  if (!argv.includes(`--${name}`)) return fallback;
  const { min, max } = typeof bounds === 'number' ? { min: bounds, max: Number.POSITIVE_INFINITY } : bounds;
  const text = flag(name, '', argv);
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new Error(`--${name} needs a whole number ${max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `from ${min} to ${max}`} (${unit})`);
  }
  return Number(text);
}
